import fs from 'node:fs';
import path from 'node:path';
import { eq } from 'drizzle-orm';
import { chromium } from '@playwright/test';
import lighthouse from 'lighthouse';
import * as chromeLauncher from 'chrome-launcher';
import { startServer } from './lib/server';
import { writeSection } from './lib/docs';
import { budgets, pageWeight, type Weight } from './lib/weight';
import { chromiumArgs, findChromium } from '../tests/browser';
import { openDatabase } from '../src/lib/server/db';
import { createSession } from '../src/lib/server/auth/session';
import { user } from '../src/lib/server/db/schema';

// npm run bench:web: what the child's pages cost a cheap phone. Bytes (gzip) of the first HTML
// and of the JavaScript each page runs on load, in English and Arabic; Lighthouse (mobile,
// simulated throttling, Debian's Chromium) three times on the home, timeline and My record,
// reporting the median; screenshots of the child's main pages in Arabic into docs/screenshots/.
// The byte budgets are checked in CI by tests/reach.test.ts; the scores are reported here.

const server = await startServer('web', 4191);
const db = openDatabase(path.join(server.dataDir, 'waymark.db'));
const maya = db.select().from(user).where(eq(user.role, 'child')).get()!;
const session = () => createSession(db, maya.id, { twoFactorVerified: true }).token;
const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;

const pages = [
	['/me', "child's home"],
	['/me/story', 'timeline (My story)'],
	['/me/record', 'My record'],
	['/me/views', 'My views'],
	['/me/disagreements', 'My disagreements'],
	['/me/help', 'ask for help'],
	['/glossary', 'glossary'],
	['/me/views/new', 'write my views'],
	['/me/story/new?kind=life_event', 'add a life event']
] as const;

/** A fresh browser context, signed in as the demo child, in a language. */
async function asMaya(lang: string, viewport?: { width: number; height: number }) {
	const context = await browser.newContext(viewport ? { viewport } : {});
	await context.addCookies([
		{ name: 'waymark-session', value: session(), url: server.origin },
		{ name: 'waymark-lang', value: lang, url: server.origin }
	]);
	return { context, page: await context.newPage() };
}

// Bytes, twice over to show they are stable from run to run.
const browser = await chromium.launch({ ...findChromium(), args: chromiumArgs });
const weights: Record<string, Weight[]> = {};
for (const round of [1, 2]) {
	for (const lang of ['en-GB', 'ar']) {
		for (const [url] of pages) {
			// A fresh browser context for each page: nothing comes from another page's cache.
			const { context, page } = await asMaya(lang);
			(weights[`${lang} ${url}`] ??= [])[round - 1] = await pageWeight(page, server.origin + url);
			await context.close();
		}
	}
}

// Screenshots of the child's main pages in Arabic, at a phone's size, to be checked by eye.
fs.mkdirSync('docs/screenshots', { recursive: true });
{
	const { context, page } = await asMaya('ar', { width: 390, height: 844 });
	for (const [url, name] of [
		['/me', 'home'],
		['/me/story', 'story'],
		['/me/record', 'record'],
		['/me/views/new', 'views-new'],
		['/me/help', 'help'],
		['/glossary', 'glossary']
	]) {
		await page.goto(server.origin + url, { waitUntil: 'networkidle' });
		await page.screenshot({ path: `docs/screenshots/ar-${name}.png` });
	}
	await context.close();
}
await browser.close();

// Lighthouse: mobile, simulated throttling (its defaults), signed in as the child.
const chrome = await chromeLauncher.launch({
	chromePath: findChromium()?.executablePath ?? chromium.executablePath(),
	chromeFlags: ['--headless=new', ...chromiumArgs]
});
const categories = ['performance', 'accessibility', 'best-practices'] as const;
const scores: Record<string, Record<string, number[]>> = {};
const audit = (url: string) =>
	lighthouse(server.origin + url, {
		port: chrome.port,
		output: 'json',
		logLevel: 'error',
		onlyCategories: [...categories],
		extraHeaders: { Cookie: `waymark-session=${session()}` }
	});
// A first run warms the fresh browser and server; it is not counted.
await audit('/me');
for (const [url] of pages.slice(0, 3)) {
	for (let run = 0; run < 3; run++) {
		// A run whose trace Lighthouse could not record measured nothing: it is run again.
		let result = await audit(url);
		for (let retry = 0; retry < 3 && result?.lhr.runtimeError; retry++) {
			console.log(`${url}: ${result.lhr.runtimeError.message}; running it again`);
			result = await audit(url);
		}
		if (result?.lhr.runtimeError) throw new Error(`${url}: ${result.lhr.runtimeError.message}`);
		for (const c of categories) {
			((scores[url] ??= {})[c] ??= []).push(
				Math.round((result!.lhr.categories[c]!.score ?? 0) * 100)
			);
		}
		const audits = result!.lhr.audits;
		if (run === 0) {
			const failing = Object.values(audits)
				.filter((a) => a.score !== null && a.score < 0.9 && a.scoreDisplayMode !== 'informative')
				.map((a) => `${a.id} (${a.score})`);
			console.log(
				`${url}: FCP ${audits['first-contentful-paint']?.displayValue}, LCP ${audits['largest-contentful-paint']?.displayValue}, TBT ${audits['total-blocking-time']?.displayValue}, CLS ${audits['cumulative-layout-shift']?.displayValue}; below 0.9: ${failing.join(', ') || 'none'}`
			);
		}
	}
}
chrome.kill();
server.stop();

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const rows = pages.map(([url, name]) => {
	const [en1, en2] = weights[`en-GB ${url}`]!;
	const [ar1] = weights[`ar ${url}`]!;
	const stable = en1!.js === en2!.js ? 'yes' : `no (${kb(en1!.js)}, ${kb(en2!.js)})`;
	const ok = en1!.js <= budgets.js && ar1!.js <= budgets.js ? 'yes' : 'no';
	return `| ${name} (\`${url}\`) | ${kb(en1!.html)} | ${kb(ar1!.html)} | ${kb(en1!.js)} | ${kb(ar1!.js)} | ${ok} | ${stable} |`;
});
const lh = pages.slice(0, 3).map(([url, name]) => {
	const s = scores[url]!;
	return `| ${name} | ${categories.map((c) => `${median(s[c]!)} (${s[c]!.join(', ')})`).join(' | ')} |`;
});
const table = `Measured by \`npm run bench:web\` on ${new Date().toISOString().slice(0, 10)} (2 cores, Node ${process.versions.node}, Debian's Chromium).

| page | HTML en | HTML ar | JS en | JS ar | JS within 60 KB | same twice |
| --- | --- | --- | --- | --- | --- | --- |
${rows.join('\n')}

Lighthouse 12.8.2, mobile, simulated throttling, signed in as the demo child: median of 3 (the 3 runs).

| page | performance | accessibility | best practices |
| --- | --- | --- | --- |
${lh.join('\n')}`;
console.log(table);
writeSection('bench:web', table);
process.exit(0);
