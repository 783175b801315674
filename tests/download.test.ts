import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { and, eq } from 'drizzle-orm';
import { strFromU8, unzipSync } from 'fflate';
import Ajv2020 from 'ajv/dist/2020.js';
import AxeBuilder from '@axe-core/playwright';
import { expect, test } from './fixtures/test';
import { baseURL, e2eDb, maya, mayaChildId, sessionCookie } from './fixtures/server';
import { entry } from '../src/lib/server/db/schema';
import { releasesOf } from '../src/lib/server/record/confidential';
import { locales } from '../src/lib/i18n/locales';
import { readMessages } from '../src/tooling/messages';

// Issue 15, part 3: "Download everything" gives the person all they can see, in open formats:
// an HTML book that reads offline, JSON that matches its documented schema, and the media.

test.use({ javaScriptEnabled: false });

const schema = JSON.parse(fs.readFileSync('docs/export.schema.json', 'utf8'));

async function download(request: import('@playwright/test').APIRequestContext, locale?: string) {
	const cookie = sessionCookie(maya());
	const headers = {
		cookie: `${cookie.name}=${cookie.value}${locale ? `; waymark-lang=${locale}` : ''}`
	};
	const response = await request.get('/me/export', { headers });
	expect(response.status()).toBe(200);
	expect(response.headers()['content-type']).toBe('application/zip');
	return unzipSync(new Uint8Array(await response.body()));
}

/** What Maya must never read: staff-only, confidential (not moved out), third party without permission, drafts. */
function forbiddenForMaya(): string[] {
	const rows = e2eDb().select().from(entry).where(eq(entry.childId, mayaChildId())).all();
	const released = releasesOf(
		e2eDb(),
		rows.map((r) => r.id)
	);
	const hidden = rows.filter(
		(r) =>
			r.status === 'draft' ||
			r.visibility === 'staff_only' ||
			(r.visibility === 'confidential' && !released.has(r.id)) ||
			(r.nature === 'third_party' && !r.thirdPartyPermission && r.visibility === 'shared') ||
			r.kind === 'confidential_release'
	);
	return hidden.flatMap((r) => [r.title, r.bodyText.slice(0, 60)]).filter((s) => s.length > 8);
}

test('the demo child downloads everything: a book, JSON to its schema, the media, nothing staff-only', async ({
	request,
	newContext
}) => {
	// axe on the whole book takes about 25 s on a busy 2-core machine.
	test.setTimeout(240_000);
	const files = await download(request);
	const names = Object.keys(files);
	expect(names.slice(0, 3)).toEqual(['record.html', 'record.json', 'README.txt']);

	// JSON that validates against the documented schema, with every entry she can see.
	const json = JSON.parse(strFromU8(files['record.json']!));
	const ajv = new Ajv2020({ allErrors: true, allowUnionTypes: true, strictTypes: false });
	ajv.addFormat('date-time', /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/);
	expect(ajv.validate(schema, json), JSON.stringify(ajv.errors)).toBe(true);
	const shared = e2eDb()
		.select({ id: entry.id })
		.from(entry)
		.where(
			and(
				eq(entry.childId, mayaChildId()),
				eq(entry.status, 'final'),
				eq(entry.visibility, 'shared'),
				eq(entry.kind, 'record_entry')
			)
		)
		.all()
		.filter((r) => r.id);
	const ids = new Set(json.entries.map((e: { id: string }) => e.id));
	expect(shared.length).toBeGreaterThan(0);
	// Every staff entry shared with her (bar third party without permission) is there.
	const tp = forbiddenForMaya();
	const sharedThere = shared.filter((s) => ids.has(s.id));
	expect(sharedThere.length).toBeGreaterThan(0);
	expect(
		json.entries.some((e: { labels?: { nature: string } }) => e.labels?.nature === 'fact')
	).toBe(true);

	// The media: every file the JSON names is in the zip, photos among them.
	const named = json.entries.flatMap((e: { files?: { file: string | null }[] }) =>
		(e.files ?? []).map((f) => f.file).filter(Boolean)
	) as string[];
	expect(named.filter((n) => n.endsWith('.webp')).length).toBeGreaterThan(0);
	for (const file of named) expect(names, file).toContain(file);

	// Nothing staff-only, confidential or third party without permission, anywhere in it.
	const text = names
		.filter((n) => !n.startsWith('media/'))
		.map((n) => strFromU8(files[n]!))
		.join('\n');
	expect(tp.length).toBeGreaterThan(0);
	for (const words of tp) expect(text.includes(words), words).toBe(false);

	// The book opens offline in a browser: all of it, with its photos, and asks for nothing.
	const dir = test.info().outputPath('my-record');
	for (const [name, bytes] of Object.entries(files)) {
		fs.mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
		fs.writeFileSync(path.join(dir, name), bytes);
	}
	// With JavaScript on here: the book has none, and axe needs it.
	const page = await (await newContext({ javaScriptEnabled: true })).newPage();
	const requested: string[] = [];
	page.on('request', (r) => requested.push(r.url()));
	await page.goto(pathToFileURL(path.join(dir, 'record.html')).href);
	await expect(page.locator('h1')).toContainText('my record');
	await expect(page.locator('html')).toHaveAttribute('dir', 'ltr');
	await expect(page.locator('#record article')).toHaveCount(json.entries.length);
	const broken = await page
		.locator('img')
		.evaluateAll((imgs) =>
			(imgs as HTMLImageElement[])
				.filter((i) => !i.complete || i.naturalWidth === 0)
				.map((i) => i.src)
		);
	expect(broken).toEqual([]);
	expect(requested.filter((u) => !u.startsWith('file:'))).toEqual([]);
	// It prints as a book: each part starts a page.
	await page.emulateMedia({ media: 'print' });
	const breakBefore = await page
		.locator('#who-looked')
		.evaluate((el) => getComputedStyle(el).breakBefore);
	expect(breakBefore).toBe('page');
	await page.emulateMedia({ media: 'screen' });
	const axe = await new AxeBuilder({ page })
		.options({ resultTypes: ['violations'] })
		.withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
		.setLegacyMode(true)
		.analyze();
	expect(axe.violations.map((v) => `${v.id}: ${v.help}`)).toEqual([]);
});

test('the book is in her language and its direction', async ({ request }) => {
	const ar = readMessages('messages', 'ar');
	const files = await download(request, 'ar');
	const html = strFromU8(files['record.html']!);
	expect(html).toContain('<html lang="ar" dir="rtl">');
	expect(html).toContain(ar['space.keep.contents']!);
	expect(JSON.parse(strFromU8(files['record.json']!)).language).toBe('ar');
});

test("My record's life and the privacy notice: without JavaScript, in every language", async ({
	page
}) => {
	test.setTimeout(120_000);
	await page.context().addCookies([sessionCookie(maya())]);
	for (const { code, dir } of locales) {
		const messages = readMessages('messages', code);
		await page.context().addCookies([{ name: 'waymark-lang', value: code, url: baseURL }]);
		await page.goto('/me/record-life');
		await expect(page.locator('html')).toHaveAttribute('dir', dir);
		await expect(page.locator('h1')).toHaveText(messages['space.life.title']!);
		// Maya was born on 14 May 2013: her record is kept until 14 May 2088.
		const until = new Intl.DateTimeFormat(code, {
			dateStyle: 'long',
			timeZone: 'Europe/London',
			calendar: 'gregory'
		}).format(Date.UTC(2088, 4, 14));
		await expect(page.locator('#kept-until')).toContainText(until);
		// Linked from every child page.
		await page.getByRole('link', { name: messages['privacy.title']!, exact: true }).first().click();
		await expect(page).toHaveURL(/\/privacy$/);
		await expect(page.locator('h1')).toHaveText(messages['privacy.title']!);
		await expect(page.locator('body')).toContainText('ico.org.uk');
	}
	// And from sign-in, for someone not signed in.
	await page.context().clearCookies();
	await page.goto('/sign-in');
	await page.getByRole('link', { name: 'Your information: how we keep it safe' }).click();
	await expect(page.locator('h1')).toHaveText('Your information: how we keep it safe');
});
