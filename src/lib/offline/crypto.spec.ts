import { describe, expect, it } from 'vitest';
import { createDraftKey, decryptDraft, encryptDraft, type Draft } from './crypto';

const encoder = new TextEncoder();

function draftFactory(overrides: Partial<Draft> = {}): Draft {
	return {
		action: '/me/views/new',
		fields: [
			['worries', 'I miss my little brother Sam and I want to see him more'],
			['intent', 'send']
		],
		files: [
			{
				name: 'photos',
				type: 'image/png',
				filename: 'my-dog.png',
				bytes: encoder.encode('PHOTO-OF-MY-DOG-BISCUIT').buffer
			}
		],
		label: 'My views',
		...overrides
	};
}

function contains(haystack: ArrayBuffer, needle: string): boolean {
	const hay = new Uint8Array(haystack);
	const bytes = encoder.encode(needle);
	outer: for (let i = 0; i <= hay.length - bytes.length; i++) {
		for (let j = 0; j < bytes.length; j++) if (hay[i + j] !== bytes[j]) continue outer;
		return true;
	}
	return false;
}

describe('draft encryption', () => {
	it('opens what it sealed, files included', async () => {
		const key = await createDraftKey();
		const draft = draftFactory();
		const opened = await decryptDraft(key, await encryptDraft(key, draft));
		expect(opened.action).toBe(draft.action);
		expect(opened.fields).toEqual(draft.fields);
		expect(opened.label).toBe('My views');
		expect(
			opened.files.map(({ bytes, ...f }) => ({ ...f, text: new TextDecoder().decode(bytes) }))
		).toEqual([
			{ name: 'photos', type: 'image/png', filename: 'my-dog.png', text: 'PHOTO-OF-MY-DOG-BISCUIT' }
		]);
	});

	it('stores nothing readable', async () => {
		const key = await createDraftKey();
		const sealed = await encryptDraft(key, draftFactory());
		expect(contains(encoder.encode('little brother Sam').buffer, 'brother Sam')).toBe(true);
		expect(contains(sealed.ciphertext, 'brother Sam')).toBe(false);
		expect(contains(sealed.ciphertext, 'worries')).toBe(false);
		expect(contains(sealed.ciphertext, 'BISCUIT')).toBe(false);
		expect(contains(sealed.ciphertext, 'my-dog.png')).toBe(false);
		expect(contains(sealed.ciphertext, '/me/views')).toBe(false);
		expect(Object.keys(sealed).sort()).toEqual(['ciphertext', 'createdAt', 'id', 'iv']);
	});

	it('uses a fresh IV every time', async () => {
		const key = await createDraftKey();
		const draft = draftFactory();
		const a = await encryptDraft(key, draft, 'same-id', 1);
		const b = await encryptDraft(key, draft, 'same-id', 1);
		expect(a.iv).toHaveLength(12);
		expect(a.iv).not.toEqual(b.iv);
		expect(new Uint8Array(a.ciphertext)).not.toEqual(new Uint8Array(b.ciphertext));
	});

	it('makes a key that can be used but never exported', async () => {
		const key = await createDraftKey();
		expect(key.extractable).toBe(false);
		expect(key.algorithm).toMatchObject({ name: 'AES-GCM', length: 256 });
		await expect(crypto.subtle.exportKey('raw', key)).rejects.toThrow();
		await expect(crypto.subtle.exportKey('jwk', key)).rejects.toThrow();
	});

	it('rejects a record that was altered, moved to another id or sealed by another key', async () => {
		const key = await createDraftKey();
		const sealed = await encryptDraft(key, draftFactory());
		const tampered = new Uint8Array(sealed.ciphertext.slice(0));
		tampered[10]! ^= 1;
		await expect(decryptDraft(key, { ...sealed, ciphertext: tampered.buffer })).rejects.toThrow();
		await expect(decryptDraft(key, { ...sealed, id: crypto.randomUUID() })).rejects.toThrow();
		await expect(decryptDraft(await createDraftKey(), sealed)).rejects.toThrow();
		await expect(decryptDraft(key, sealed)).resolves.toMatchObject({ action: '/me/views/new' });
	});
});
