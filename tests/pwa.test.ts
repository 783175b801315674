import { expect, test } from './fixtures/test';
import { buildMatrixWorld } from './fixtures/world';
import { baseURL } from './fixtures/env';

function pngSize(buffer: Buffer) {
	expect(buffer.subarray(1, 4).toString()).toBe('PNG');
	return { width: buffer.readUInt32BE(16), height: buffer.readUInt32BE(20) };
}

test('the web manifest is installable, with real PNG icons (192, 512, maskable)', async ({
	request
}) => {
	const manifest = await (await request.get('/manifest.webmanifest')).json();
	expect(manifest).toMatchObject({ name: 'Waymark', display: 'standalone', start_url: '/' });
	const sizes: string[] = [];
	for (const icon of manifest.icons as { src: string; sizes: string; purpose?: string }[]) {
		const response = await request.get(icon.src);
		expect(response.headers()['content-type']).toBe('image/png');
		const { width, height } = pngSize(await response.body());
		expect(`${width}x${height}`).toBe(icon.sizes);
		sizes.push(`${icon.sizes}${icon.purpose ? ` ${icon.purpose}` : ''}`);
	}
	expect(sizes).toEqual(['192x192', '512x512', '512x512 maskable']);
});

test('the service worker shows the offline page offline, and never caches signed-in pages or data', async ({
	page,
	context
}) => {
	const world = buildMatrixWorld();
	const [name, value] = world.cookieFor('child')!.split('=');
	await context.addCookies([{ name: name!, value: value!, url: baseURL }]);
	await page.goto('/me');
	await page.evaluate(async () => {
		await navigator.serviceWorker.ready;
	});
	// Visit more signed-in pages with the worker in control.
	await page.reload();
	await page.goto('/me/who-looked');
	await page.goto('/help');
	const cached = await page.evaluate(async () => {
		const urls: string[] = [];
		for (const key of await caches.keys()) {
			const cache = await caches.open(key);
			for (const request of await cache.keys()) urls.push(new URL(request.url).pathname);
		}
		return urls;
	});
	expect(cached).toContain('/offline');
	const allowed =
		/^\/(offline|_app\/immutable\/.+|_app\/enhance\/page\.js|_app\/version\.json|icons\/.+\.(png|svg)|favicon\.png|manifest\.webmanifest)$/;
	expect(cached.filter((path) => !allowed.test(path))).toEqual([]);
	expect(cached.some((path) => path.includes('__data.json'))).toBe(false);

	await context.setOffline(true);
	await page.goto('/me/who-looked');
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('You are offline');
	await expect(page.getByText('Who has looked at my record')).toHaveCount(0);
	await context.setOffline(false);
});
