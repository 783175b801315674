import path from 'node:path';
import { eq } from 'drizzle-orm';
import { chromium, type BrowserContext } from '@playwright/test';
import { startServer } from './lib/server';
import { writeSection } from './lib/docs';
import { summarise } from './lib/stats';
import { chromiumArgs, findChromium } from '../tests/browser';
import { fillMemory } from '../tests/fixtures/memory-form';
import { openDatabase } from '../src/lib/server/db';
import { createSession } from '../src/lib/server/auth/session';
import { user } from '../src/lib/server/db/schema';
import { phonePhoto } from '../src/lib/server/test/phone-photo';
import { dayOf } from '../src/lib/server/dates/day';

// npm run bench:upload-photo: a child adds a memory with a 12-megapixel phone photo (4000 x 3000,
// about 5 MB, stored sideways with EXIF) over a slow mobile connection (1.6 Mbit/s up and down,
// 150 ms latency, Chromium's own network throttling), in Debian's Chromium against Waymark as
// `npm start` runs it. With JavaScript the browser sends the photo at the 1600 px the server keeps
// (src/lib/enhance/shrink.ts); without JavaScript the whole photo goes. Bytes the form sent, and
// the time from pressing Send to the page saying it was sent, ROUNDS times each, alternating.

const rounds = Number(process.env.ROUNDS ?? 3);
const mbit = 1.6;
const server = await startServer('photo-upload', 4195);
const db = openDatabase(path.join(server.dataDir, 'waymark.db'));
const maya = db.select().from(user).where(eq(user.role, 'child')).get()!;
const photo = await phonePhoto(3);
const browser = await chromium.launch({ ...findChromium(), args: chromiumArgs });

async function slowPhone(javaScriptEnabled: boolean): Promise<BrowserContext> {
	const context = await browser.newContext({
		javaScriptEnabled,
		viewport: { width: 412, height: 915 }
	});
	const token = createSession(db, maya.id, { twoFactorVerified: true }).token;
	await context.addCookies([{ name: 'waymark-session', value: token, url: server.origin }]);
	return context;
}

async function upload(javaScriptEnabled: boolean) {
	const context = await slowPhone(javaScriptEnabled);
	const page = await context.newPage();
	await fillMemory(page, { title: 'The beach', photo, javaScriptEnabled, origin: server.origin });
	// The page is loaded: from here on, the phone's slow connection.
	const cdp = await context.newCDPSession(page);
	await cdp.send('Network.enable');
	await cdp.send('Network.emulateNetworkConditions', {
		offline: false,
		latency: 150,
		downloadThroughput: (mbit * 1e6) / 8,
		uploadThroughput: (mbit * 1e6) / 8
	});
	const posted = page.waitForRequest((r) => r.method() === 'POST');
	const started = performance.now();
	// The click waits for the navigation it starts: 5 MB at 1.6 Mbit/s is 25 s and more.
	await page.getByRole('button', { name: 'Send', exact: true }).click({ timeout: 300_000 });
	const request = await posted;
	// Sent: the story, holding the new memory.
	await page.waitForURL((url) => url.pathname === '/me/story', { timeout: 300_000 });
	const ms = performance.now() - started;
	// The request's body as it went over the wire: its Content-Length.
	const bytes = Number(await request.headerValue('content-length'));
	await context.close();
	return { bytes, ms };
}

const withScript: { bytes: number; ms: number }[] = [];
const without: { bytes: number; ms: number }[] = [];
try {
	// A warm-up each way (the server's first photo loads sharp), not counted.
	await upload(true);
	await upload(false);
	for (let i = 0; i < rounds; i++) {
		withScript.push(await upload(true));
		without.push(await upload(false));
	}
} finally {
	// A failed run leaves no server holding the port.
	await browser.close();
	server.stop();
}

function row(label: string, runs: { ms: number }[]) {
	const s = summarise(
		label,
		runs.map((r) => r.ms)
	);
	const sec = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
	return `| ${label}, send to sent | ${s.runs} | ${sec(s.median)} | ${sec(s.p95)} | ${sec(s.max)} |`;
}
const mb = (n: number) => `${(n / 1e6).toFixed(2)} MB`;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const sentWith = median(withScript.map((r) => r.bytes));
const sentWithout = median(without.map((r) => r.bytes));
const table = `Measured by \`npm run bench:upload-photo\` on ${dayOf(new Date())} (2 cores, Node ${process.versions.node}, Debian's Chromium): a memory with one 12-megapixel phone photo (4000 x 3000, ${mb(photo.length)}, stored sideways with EXIF and GPS) sent over ${mbit} Mbit/s with 150 ms latency (Chromium's network throttling, after the page has loaded), ${rounds} times each way after a warm-up. Time: from pressing Send to the page saying it was sent (upload, the server's checks and re-encoding, the next page).

| what | runs | median | p95 | max |
| --- | --- | --- | --- | --- |
${[row('with JavaScript (shrunk in the browser)', withScript), row('without JavaScript (the whole photo)', without)].join('\n')}

- Bytes sent (the whole form): **${mb(sentWith)}** with JavaScript, **${mb(sentWithout)}** without: ${((1 - sentWith / sentWithout) * 100).toFixed(0)}% less, ${(sentWithout / sentWith).toFixed(1)} times fewer.
- Upload time at ${mbit} Mbit/s: median ${(median(withScript.map((r) => r.ms)) / 1000).toFixed(1)} s against ${(median(without.map((r) => r.ms)) / 1000).toFixed(1)} s.`;
console.log(table);
writeSection('bench:upload-photo', table);
process.exit(0);
