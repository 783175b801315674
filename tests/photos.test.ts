import { eq } from 'drizzle-orm';
import sharp from 'sharp';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures/test';
import { e2eDb, maya, sessionCookie } from './fixtures/server';
import { entry, media } from '../src/lib/server/db/schema';
import { phonePhoto } from '../src/lib/server/test/phone-photo';
import { fillMemory } from './fixtures/memory-form';

// A 12-megapixel phone photo over a slow connection (issue 14, item 12): with JavaScript the
// browser sends the 1600 px the server keeps, not 5 MB; without it, the whole photo still works.
// Either way the server checks it, turns it upright and drops its metadata as before.

test.describe.configure({ mode: 'serial' });

let photo: Buffer;
test.beforeAll(async () => {
	photo = await phonePhoto(7);
});

/** Adds a memory with the photo; gives back the bytes the form sent and the memory's title. */
async function addMemory(page: Page, javaScriptEnabled: boolean) {
	const title = `The beach ${Math.random().toString(36).slice(2, 8)}`;
	await fillMemory(page, { title, photo, javaScriptEnabled });
	const posted = page.waitForRequest((r) => r.method() === 'POST' && r.url().includes('/me/story'));
	await page.getByRole('button', { name: 'Send', exact: true }).click();
	// The request's body as it went over the wire (the form, the photo in it): its Content-Length.
	const sentBytes = Number(await (await posted).headerValue('content-length'));
	// Sent: the story, saying so (a busy machine may take a while over a 12 MP photo).
	await page.waitForURL((url) => url.pathname === '/me/story', { timeout: 90_000 });
	await expect(page.locator('p.notice[role="status"]')).toBeVisible();
	return { title, sentBytes };
}

/** The display copy the server kept of the memory's photo. */
async function kept(page: Page, title: string) {
	const memory = e2eDb().select().from(entry).where(eq(entry.title, title)).get()!;
	expect(memory.status).toBe('final');
	const row = e2eDb().select().from(media).where(eq(media.entryId, memory.id)).get()!;
	const served = await page.request.get(`/api/media/${row.id}/display`);
	expect(served.status()).toBe(200);
	const bytes = await served.body();
	return { meta: await sharp(bytes).metadata(), bytes };
}

test('with JavaScript, a 12 MP photo is sent at the size the server keeps: upright, without its location', async ({
	page
}) => {
	await page.context().addCookies([sessionCookie(maya())]);
	const { title, sentBytes } = await addMemory(page, true);
	console.log(`12 MP photo of ${photo.length} bytes: ${sentBytes} bytes sent with JavaScript`);
	expect(photo.length).toBeGreaterThan(3_000_000);
	expect(sentBytes).toBeGreaterThan(100_000);
	expect(sentBytes).toBeLessThan(photo.length / 4);
	const { meta, bytes } = await kept(page, title);
	// Stored sideways with orientation 6: shown, and kept, upright.
	expect({ width: meta.width, height: meta.height }).toEqual({ width: 1200, height: 1600 });
	expect(meta.exif).toBeUndefined();
	expect(bytes.includes(Buffer.from('Camera 12'))).toBe(false);
});

test('without JavaScript, the whole photo is sent and kept the same way', async ({
	newContext
}) => {
	const context = await newContext({ javaScriptEnabled: false });
	await context.addCookies([sessionCookie(maya())]);
	const page = await context.newPage();
	const { title, sentBytes } = await addMemory(page, false);
	expect(sentBytes).toBeGreaterThan(photo.length);
	const { meta } = await kept(page, title);
	expect({ width: meta.width, height: meta.height }).toEqual({ width: 1200, height: 1600 });
	expect(meta.exif).toBeUndefined();
});
