import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';

const origin = 'https://waymark.test';
const cacheStorage = { open: vi.fn(), match: vi.fn(), keys: vi.fn(), delete: vi.fn() };
let respond: typeof import('./request').respond;

beforeAll(async () => {
	vi.stubGlobal('self', {
		location: { origin },
		__WB_MANIFEST: [
			{ url: '_app/immutable/entry/start.js', revision: null },
			{ url: 'offline', revision: 'abc' }
		]
	});
	// The worker may only ever fill its cache in precache(): respond() must not touch it.
	vi.stubGlobal('caches', cacheStorage);
	({ respond } = await import('./request'));
});
afterAll(() => vi.unstubAllGlobals());

function requestFactory(path: string, init: { method?: string; mode?: RequestMode } = {}) {
	return { url: new URL(path, origin).href, method: 'GET', mode: 'cors', ...init } as Request;
}

describe('the service worker', () => {
	const fromPrecache = vi.fn(async (pathname: string) => new Response(`cached ${pathname}`));

	it('leaves record data, media and every non-GET request to the network, uncached', () => {
		const untouched = [
			requestFactory('/me/record/__data.json?x-sveltekit-invalidated=01'),
			requestFactory('/api/media/0f9c1e2a'),
			requestFactory('/api/media/0f9c1e2a', { mode: 'no-cors' }),
			requestFactory('/me/views/new', { method: 'POST', mode: 'navigate' }),
			requestFactory('/me/views/new?/send', { method: 'POST' }),
			requestFactory('/_app/immutable/entry/start.js', { method: 'POST' }),
			requestFactory('https://elsewhere.example/_app/immutable/entry/start.js')
		];
		for (const request of untouched) expect(respond(request, fromPrecache)).toBeNull();
		expect(fromPrecache).not.toHaveBeenCalled();
		for (const method of Object.values(cacheStorage)) expect(method).not.toHaveBeenCalled();
	});

	it('serves the app shell from the precache', async () => {
		const answer = await respond(requestFactory('/_app/immutable/entry/start.js'), fromPrecache);
		expect(await answer?.text()).toBe('cached /_app/immutable/entry/start.js');
	});

	it('fetches pages from the network, showing the offline page only when that fails', async () => {
		const network = vi.fn<typeof fetch>();
		vi.stubGlobal('fetch', network);
		network.mockResolvedValueOnce(new Response('my record'));
		const page = requestFactory('/me/record', { mode: 'navigate' });
		expect(await (await respond(page, fromPrecache))?.text()).toBe('my record');
		network.mockRejectedValueOnce(new TypeError('Failed to fetch'));
		expect(await (await respond(page, fromPrecache))?.text()).toBe('cached /offline');
		for (const method of Object.values(cacheStorage)) expect(method).not.toHaveBeenCalled();
	});
});
