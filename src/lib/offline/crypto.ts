/**
 * What a child wrote while offline, sealed with AES-GCM under a key that scripts can use but
 * never read (extractable: false). No DOM here: the service worker imports it too.
 */

export interface DraftFile {
	/** The form field's name, e.g. `photos`. */
	name: string;
	type: string;
	filename: string;
	bytes: ArrayBuffer;
}

export interface Draft {
	/** Same-origin path and search of the form's action, e.g. `/me/views/new?/send`. */
	action: string;
	fields: [string, string][];
	files: DraftFile[];
	label?: string;
}

/** What is stored: nothing readable but the id, the time and whether it needs the child. */
export interface SealedDraft {
	id: string;
	createdAt: number;
	iv: Uint8Array<ArrayBuffer>;
	ciphertext: ArrayBuffer;
	attention?: boolean;
}

const encoder = new TextEncoder();
const decoder = new TextDecoder();

export function createDraftKey(): Promise<CryptoKey> {
	return crypto.subtle.generateKey({ name: 'AES-GCM', length: 256 }, false, ['encrypt', 'decrypt']);
}

/** A fresh 96-bit IV every time; the id is bound in as additional data, so records cannot swap. */
export async function encryptDraft(
	key: CryptoKey,
	draft: Draft,
	id: string = crypto.randomUUID(),
	createdAt: number = Date.now()
): Promise<SealedDraft> {
	const iv = crypto.getRandomValues(new Uint8Array(12));
	const ciphertext = await crypto.subtle.encrypt(
		{ name: 'AES-GCM', iv, additionalData: encoder.encode(id) },
		key,
		pack(draft)
	);
	return { id, createdAt, iv, ciphertext };
}

/** Rejects (OperationError) if the record was altered or sealed under another key. */
export async function decryptDraft(key: CryptoKey, record: SealedDraft): Promise<Draft> {
	const plain = await crypto.subtle.decrypt(
		{ name: 'AES-GCM', iv: record.iv, additionalData: encoder.encode(record.id) },
		key,
		record.ciphertext
	);
	return unpack(plain);
}

interface Header {
	action: string;
	fields: [string, string][];
	files: { name: string; type: string; filename: string; size: number }[];
	label?: string;
}

/**
 * The plaintext: a 4-byte length, the JSON header, then each file's bytes in order. Files stay
 * binary rather than swelling by a third as base64 inside the JSON.
 */
function pack(draft: Draft): Uint8Array<ArrayBuffer> {
	const header: Header = {
		action: draft.action,
		fields: draft.fields,
		files: draft.files.map(({ name, type, filename, bytes }) => ({
			name,
			type,
			filename,
			size: bytes.byteLength
		})),
		label: draft.label
	};
	const head = encoder.encode(JSON.stringify(header));
	const size = draft.files.reduce((sum, file) => sum + file.bytes.byteLength, 4 + head.length);
	const out = new Uint8Array(size);
	new DataView(out.buffer).setUint32(0, head.length);
	out.set(head, 4);
	let offset = 4 + head.length;
	for (const file of draft.files) {
		out.set(new Uint8Array(file.bytes), offset);
		offset += file.bytes.byteLength;
	}
	return out;
}

function unpack(plain: ArrayBuffer): Draft {
	const length = new DataView(plain).getUint32(0);
	const header: unknown = JSON.parse(decoder.decode(new Uint8Array(plain, 4, length)));
	if (!isHeader(header)) throw new Error('Not a draft');
	let offset = 4 + length;
	const files = header.files.map(({ size, ...file }) => {
		const bytes = plain.slice(offset, offset + size);
		offset += size;
		return { ...file, bytes };
	});
	if (offset !== plain.byteLength) throw new Error('Not a draft');
	return { action: header.action, fields: header.fields, files, label: header.label };
}

function isHeader(value: unknown): value is Header {
	const h = value as Header;
	return (
		typeof h === 'object' &&
		h !== null &&
		typeof h.action === 'string' &&
		Array.isArray(h.fields) &&
		h.fields.every(
			(f) => Array.isArray(f) && typeof f[0] === 'string' && typeof f[1] === 'string'
		) &&
		Array.isArray(h.files) &&
		h.files.every(
			(f) =>
				typeof f.name === 'string' &&
				typeof f.type === 'string' &&
				typeof f.filename === 'string' &&
				Number.isSafeInteger(f.size) &&
				f.size >= 0
		) &&
		(h.label === undefined || typeof h.label === 'string')
	);
}
