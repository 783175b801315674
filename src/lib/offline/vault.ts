import { createDraftKey, decryptDraft, encryptDraft, type Draft, type SealedDraft } from './crypto';

/**
 * Drafts kept on this device until they can be sent, in IndexedDB, encrypted. The key lives
 * beside them but cannot be exported, so a copy of the files on disk reveals nothing readable
 * without this browser profile. Plain IndexedDB and Web Crypto only: pages and the service
 * worker both use this.
 */

export type { Draft, DraftFile } from './crypto';

export interface SavedDraft extends Draft {
	id: string;
	createdAt: number;
	/** The server refused it (a validation problem): it waits for the child, not for a retry. */
	attention: boolean;
}

const dbName = 'waymark-offline';
const keyName = 'draft-key';

function result<T>(request: IDBRequest<T>): Promise<T> {
	return new Promise((resolve, reject) => {
		request.onsuccess = () => resolve(request.result);
		request.onerror = () => reject(request.error);
	});
}

function finished(tx: IDBTransaction): Promise<void> {
	return new Promise((resolve, reject) => {
		tx.oncomplete = () => resolve();
		tx.onerror = () => reject(tx.error);
		tx.onabort = () => reject(tx.error ?? new Error('Transaction aborted'));
	});
}

function open(): Promise<IDBDatabase> {
	return new Promise((resolve, reject) => {
		const request = indexedDB.open(dbName, 1);
		request.onupgradeneeded = () => {
			request.result.createObjectStore('keys');
			request.result.createObjectStore('drafts', { keyPath: 'id' });
		};
		request.onsuccess = () => {
			const db = request.result;
			// Let wipe() in another tab (or the service worker) delete the database at once.
			db.onversionchange = () => db.close();
			resolve(db);
		};
		request.onerror = () => reject(request.error);
	});
}

async function using<T>(work: (db: IDBDatabase) => Promise<T>): Promise<T> {
	const db = await open();
	try {
		return await work(db);
	} finally {
		db.close();
	}
}

function readKey(db: IDBDatabase): Promise<CryptoKey | undefined> {
	return result(db.transaction('keys').objectStore('keys').get(keyName));
}

async function ensureKey(db: IDBDatabase): Promise<CryptoKey> {
	const existing = await readKey(db);
	if (existing) return existing;
	const fresh = await createDraftKey();
	// Another tab may have stored one meanwhile: whichever is stored first is the key.
	const tx = db.transaction('keys', 'readwrite');
	const store = tx.objectStore('keys');
	const chosen = new Promise<CryptoKey>((resolve, reject) => {
		const get = store.get(keyName);
		get.onsuccess = () => {
			if (get.result) return resolve(get.result);
			store.add(fresh, keyName);
			resolve(fresh);
		};
		get.onerror = () => reject(get.error);
	});
	await finished(tx);
	return chosen;
}

async function put(db: IDBDatabase, record: SealedDraft): Promise<void> {
	const tx = db.transaction('drafts', 'readwrite');
	tx.objectStore('drafts').put(record);
	await finished(tx);
}

async function remove(db: IDBDatabase, id: string): Promise<void> {
	const tx = db.transaction('drafts', 'readwrite');
	tx.objectStore('drafts').delete(id);
	await finished(tx);
}

/** Seals and stores a draft; pass the id of an earlier one to replace it. Returns the id. */
export function saveDraft(draft: Draft, id?: string): Promise<string> {
	return using(async (db) => {
		const record = await encryptDraft(await ensureKey(db), draft, id);
		await put(db, record);
		return record.id;
	});
}

/** Every draft, oldest first. One that no longer opens (altered, or its key gone) is dropped. */
export function listDrafts(): Promise<SavedDraft[]> {
	return using(async (db) => {
		const key = await readKey(db);
		const records = await result<SealedDraft[]>(
			db.transaction('drafts').objectStore('drafts').getAll()
		);
		const drafts: SavedDraft[] = [];
		for (const record of records) {
			try {
				if (!key) throw new Error('No key');
				const draft = await decryptDraft(key, record);
				const { id, createdAt, attention = false } = record;
				drafts.push({ ...draft, id, createdAt, attention });
			} catch {
				await remove(db, record.id);
			}
		}
		return drafts.sort((a, b) => a.createdAt - b.createdAt);
	});
}

export function markForAttention(id: string): Promise<void> {
	return using(async (db) => {
		const tx = db.transaction('drafts', 'readwrite');
		const store = tx.objectStore('drafts');
		const get = store.get(id);
		get.onsuccess = () => {
			if (get.result) store.put({ ...(get.result as SealedDraft), attention: true });
		};
		await finished(tx);
	});
}

export function deleteDraft(id: string): Promise<void> {
	return using((db) => remove(db, id));
}

/** Deletes the whole database, key included: nothing of the session is left on the device. */
export function wipe(): Promise<void> {
	return new Promise((resolve, reject) => {
		if (typeof indexedDB === 'undefined') return resolve();
		const request = indexedDB.deleteDatabase(dbName);
		request.onsuccess = () => resolve();
		request.onerror = () => reject(request.error);
	});
}
