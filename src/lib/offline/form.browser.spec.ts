import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { cleanup, render, until } from '$lib/test/render';
import OfflineSync from '$lib/components/offline/offline-sync.svelte';
import { keepDrafts } from '$lib/enhance/drafts';
import { attributes, selector } from '$lib/enhance/contract';
import { draftSavedEvent, offlineDrafts } from './form';
import { listDrafts, wipe } from './vault';

/**
 * The offline drafts in a real browser: real IndexedDB, real Web Crypto, real form submission.
 * Only the connection is pretended (navigator.onLine).
 */

vi.mock('$app/state', () => ({ page: { url: new URL('http://localhost/me/views/new') } }));

let online = true;
Object.defineProperty(navigator, 'onLine', { configurable: true, get: () => online });

const words = 'I miss my little brother Sam';

/** A child's form as the page draws it: words, a photo, and a send button that names its intent. */
function childForm(action = '/me/views/new'): { form: HTMLFormElement; send: HTMLButtonElement } {
	const form = Object.assign(document.createElement('form'), {
		method: 'post',
		action,
		enctype: 'multipart/form-data'
	});
	const text = Object.assign(document.createElement('textarea'), { name: 'worries' });
	text.value = words;
	const photo = Object.assign(document.createElement('input'), { type: 'file', name: 'photos' });
	const chosen = new DataTransfer();
	chosen.items.add(new File(['PHOTO-OF-BISCUIT'], 'biscuit.png', { type: 'image/png' }));
	photo.files = chosen.files;
	const send = Object.assign(document.createElement('button'), {
		type: 'submit',
		name: 'intent',
		value: 'send'
	});
	form.append(text, photo, send);
	document.body.append(form);
	return { form, send };
}

/** Whatever else listens to the form (as use:enhance would); it never lets the test page navigate. */
function otherListener(form: HTMLFormElement) {
	const seen: boolean[] = [];
	form.addEventListener('submit', (event) => {
		seen.push(event.defaultPrevented);
		event.preventDefault();
	});
	return seen;
}

const status = (form: HTMLFormElement) =>
	form.querySelector(`:scope > ${selector(attributes.offlineStatus)}`);

beforeEach(async () => {
	online = true;
	await wipe();
});

afterEach(() => {
	cleanup();
	document.body.replaceChildren();
});

describe('offline', () => {
	it('keeps what was sent on the device, with the action, the intent and the photo, and says so', async () => {
		const { form, send } = childForm();
		const other = otherListener(form);
		offlineDrafts({ savedMessage: 'Saved on this device.' })(form);
		const saved = vi.fn();
		window.addEventListener(draftSavedEvent, saved, { once: true });
		online = false;

		form.requestSubmit(send);

		await until(() => expect(status(form)?.textContent).toBe('Saved on this device.'));
		expect(status(form)?.getAttribute('role')).toBe('status');
		expect(saved).toHaveBeenCalledOnce();
		// It ran first and stopped the rest (use:enhance would have tried to post).
		expect(other).toEqual([]);
		const [draft, ...more] = await listDrafts();
		expect(more).toEqual([]);
		expect(draft?.action).toBe('/me/views/new');
		expect(draft?.fields).toEqual([
			['worries', words],
			['intent', 'send']
		]);
		expect(draft?.files.map((f) => [f.name, f.filename, f.type])).toEqual([
			['photos', 'biscuit.png', 'image/png']
		]);
		expect(new TextDecoder().decode(draft?.files[0]?.bytes)).toBe('PHOTO-OF-BISCUIT');
	});

	it('replaces its draft when sent again, rather than keeping two', async () => {
		const { form, send } = childForm();
		offlineDrafts({ savedMessage: 'Saved.' })(form);
		online = false;
		form.requestSubmit(send);
		await until(() => expect(status(form)?.textContent).toBe('Saved.'));
		form.requestSubmit(send);
		await until(async () => expect(await listDrafts()).toHaveLength(1));
		await new Promise((resolve) => setTimeout(resolve, 100));
		expect(await listDrafts()).toHaveLength(1);
	});

	it('stores nothing readable: the words and the photo are sealed', async () => {
		const { form, send } = childForm();
		offlineDrafts({ savedMessage: 'Saved.' })(form);
		online = false;
		form.requestSubmit(send);
		await until(() => expect(status(form)?.textContent).toBe('Saved.'));
		const stored = await new Promise<unknown[]>((resolve, reject) => {
			const open = indexedDB.open('waymark-offline');
			open.onerror = () => reject(open.error);
			open.onsuccess = () => {
				const get = open.result.transaction('drafts').objectStore('drafts').getAll();
				get.onsuccess = () => (open.result.close(), resolve(get.result));
			};
		});
		expect(stored).toHaveLength(1);
		const bytes = Object.values(stored[0] as object)
			.map((value) =>
				value instanceof ArrayBuffer || ArrayBuffer.isView(value)
					? new TextDecoder('latin1').decode(value)
					: String(value)
			)
			.join('|');
		expect(bytes).not.toContain('Sam');
		expect(bytes).not.toContain('BISCUIT');
	});

	it('keeps nothing for an action on another site, and says it could not', async () => {
		const { form, send } = childForm('https://elsewhere.example/steal');
		offlineDrafts({ savedMessage: 'Saved.', notSavedMessage: 'Not saved.' })(form);
		online = false;
		form.requestSubmit(send);
		await until(() => expect(status(form)?.textContent).toBe('Not saved.'));
		expect(await listDrafts()).toEqual([]);
	});

	it("says what the page's offline box says, in the reader's language (the page script's way in)", async () => {
		await render(OfflineSync, { signedIn: true }, { locale: 'cy' });
		const { form, send } = childForm();
		keepDrafts(form);
		online = false;
		form.requestSubmit(send);
		const box = document.querySelector(selector(attributes.offlineSync))!;
		const saved = JSON.parse(box.getAttribute(attributes.offlineSync)!).saved as string;
		expect(saved).toMatch(/\w/);
		await until(() => expect(status(form)?.textContent).toBe(saved));
	});
});

describe('online', () => {
	it('leaves the form alone: it posts as usual', async () => {
		const { form, send } = childForm();
		const other = otherListener(form);
		offlineDrafts({ savedMessage: 'Saved.' })(form);
		form.requestSubmit(send);
		expect(other).toEqual([false]);
		expect(await listDrafts()).toEqual([]);
	});

	it('stops listening, and takes its status line away, when the form goes', () => {
		const { form, send } = childForm();
		const other = otherListener(form);
		const detach = offlineDrafts({ savedMessage: 'Saved.' })(form);
		expect(status(form)).not.toBeNull();
		if (typeof detach === 'function') detach();
		expect(status(form)).toBeNull();
		online = false;
		form.requestSubmit(send);
		expect(other).toEqual([false]);
	});
});
