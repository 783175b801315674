import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import * as vault from './vault';
import { isLocalPath, outcomeOf, sendPending } from './send';

vi.mock('./vault', () => ({
	listDrafts: vi.fn(),
	deleteDraft: vi.fn(),
	markForAttention: vi.fn()
}));

let next = 0;
function savedDraftFactory(overrides: Partial<vault.SavedDraft> = {}): vault.SavedDraft {
	next++;
	return {
		id: `draft-${next}`,
		createdAt: next,
		attention: false,
		action: '/me/views/new',
		fields: [
			['worries', `worry ${next}`],
			['intent', 'send']
		],
		files: [
			{
				name: 'photos',
				type: 'image/png',
				filename: 'dog.png',
				bytes: new TextEncoder().encode('png').buffer
			}
		],
		...overrides
	};
}

const json = (body: unknown, status = 200) =>
	new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });

describe('outcomeOf', () => {
	it('counts success and redirects as sent', async () => {
		expect(await outcomeOf(json({ type: 'success', status: 204 }))).toBe('sent');
		expect(
			await outcomeOf(json({ type: 'redirect', status: 303, location: '/me/views?sent' }))
		).toBe('sent');
	});

	it('keeps a draft for later when the session has ended or is incomplete', async () => {
		for (const location of ['/sign-in', '/sign-in?next=x', '/two-factor/setup', '/passphrase']) {
			expect(await outcomeOf(json({ type: 'redirect', status: 303, location }))).toBe('retry');
		}
		expect(await outcomeOf({ type: 'opaqueredirect', status: 0 } as Response)).toBe('retry');
	});

	it('keeps a draft for later on server trouble and refusals that may pass', async () => {
		expect(await outcomeOf(json({ type: 'error', error: {} }, 500))).toBe('retry');
		expect(await outcomeOf(json({ type: 'error', error: {} }, 403))).toBe('retry');
		expect(await outcomeOf(new Response('<h1>Bad gateway</h1>', { status: 502 }))).toBe('retry');
		expect(await outcomeOf(new Response('slow down', { status: 429 }))).toBe('retry');
	});

	it('asks for the child when the server refuses what was written', async () => {
		expect(await outcomeOf(json({ type: 'failure', status: 400, data: '[]' }))).toBe('attention');
		expect(await outcomeOf(json({ type: 'error', error: {} }, 404))).toBe('attention');
		expect(await outcomeOf(new Response('<h1>Too big</h1>', { status: 413 }))).toBe('attention');
	});
});

describe('isLocalPath', () => {
	it('accepts only paths on this origin', () => {
		expect(isLocalPath('/me/views/new?/send')).toBe(true);
		expect(isLocalPath('//elsewhere.example/x')).toBe(false);
		expect(isLocalPath('/\\elsewhere.example/x')).toBe(false);
		expect(isLocalPath('https://elsewhere.example/x')).toBe(false);
		expect(isLocalPath('me/views')).toBe(false);
	});
});

describe('sendPending', () => {
	const fetchMock = vi.fn<typeof fetch>();

	beforeEach(() => {
		vi.stubGlobal('fetch', fetchMock);
	});
	afterEach(() => {
		vi.unstubAllGlobals();
		vi.resetAllMocks();
	});

	it('posts each draft as a form action, deleting the sent and marking the refused', async () => {
		const [sent, refused] = [savedDraftFactory(), savedDraftFactory()];
		vi.mocked(vault.listDrafts).mockResolvedValue([sent, refused]);
		fetchMock
			.mockResolvedValueOnce(json({ type: 'redirect', status: 303, location: '/me/views?sent' }))
			.mockResolvedValueOnce(json({ type: 'failure', status: 400, data: '[]' }));

		expect(await sendPending()).toEqual({ sent: 1, kept: 1, attention: 1 });

		const [url, init] = fetchMock.mock.calls[0]!;
		expect(url).toBe('/me/views/new');
		expect(init).toMatchObject({ method: 'POST', credentials: 'same-origin', redirect: 'manual' });
		expect(init?.headers).toMatchObject({
			accept: 'application/json',
			'x-sveltekit-action': 'true'
		});
		const body = init?.body as FormData;
		expect(body.get('worries')).toBe(sent.fields[0]![1]);
		expect(body.get('intent')).toBe('send');
		const photo = body.get('photos') as File;
		expect([photo.name, photo.type, await photo.text()]).toEqual(['dog.png', 'image/png', 'png']);

		expect(vault.deleteDraft).toHaveBeenCalledExactlyOnceWith(sent.id);
		expect(vault.markForAttention).toHaveBeenCalledExactlyOnceWith(refused.id);
	});

	it('keeps everything when there is no connection, and does not try the rest', async () => {
		vi.mocked(vault.listDrafts).mockResolvedValue([savedDraftFactory(), savedDraftFactory()]);
		fetchMock.mockRejectedValue(new TypeError('Failed to fetch'));

		expect(await sendPending()).toEqual({ sent: 0, kept: 2, attention: 0 });
		expect(fetchMock).toHaveBeenCalledTimes(1);
		expect(vault.deleteDraft).not.toHaveBeenCalled();
		expect(vault.markForAttention).not.toHaveBeenCalled();
	});

	it('does not send again a draft that is waiting for the child', async () => {
		vi.mocked(vault.listDrafts).mockResolvedValue([savedDraftFactory({ attention: true })]);

		expect(await sendPending()).toEqual({ sent: 0, kept: 1, attention: 1 });
		expect(fetchMock).not.toHaveBeenCalled();
	});

	it('never posts a draft to another origin', async () => {
		vi.mocked(vault.listDrafts).mockResolvedValue([
			savedDraftFactory({ action: '//elsewhere.example/steal' })
		]);

		expect(await sendPending()).toEqual({ sent: 0, kept: 1, attention: 1 });
		expect(fetchMock).not.toHaveBeenCalled();
	});

	it('runs once when asked twice at the same time', async () => {
		vi.mocked(vault.listDrafts).mockResolvedValue([savedDraftFactory()]);
		fetchMock.mockImplementation(async () => json({ type: 'success', status: 204 }));

		const [a, b] = await Promise.all([sendPending(), sendPending()]);

		expect(a).toEqual({ sent: 1, kept: 0, attention: 0 });
		expect(b).toBe(a);
		expect(fetchMock).toHaveBeenCalledTimes(1);
		expect(vault.listDrafts).toHaveBeenCalledTimes(1);
	});
});
