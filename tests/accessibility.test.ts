import fs from 'node:fs';
import { type Page } from '@playwright/test';
import { expect, test } from './fixtures/test';
import { createRequire } from 'node:module';
import { discoverOperations, operationKey, pathFor } from './fixtures/routes';
import { expected, matrix } from './fixtures/matrix';
import { buildMatrixWorld, roles, type MatrixRole } from './fixtures/world';
import { baseURL, root } from './fixtures/env';
import { createSession } from '../src/lib/server/auth/session';
import { e2eDb, cookieName } from './fixtures/server';

/** axe-core itself, the same copy @axe-core/playwright injects. */
const axeSource: string = createRequire(import.meta.url)('axe-core').source;
const wcag = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

/**
 * axe is put into every page of the context once, as an init script, before any page script runs
 * (DevTools' init scripts are not subject to the page's CSP): AxeBuilder sends its 550 KB source
 * to the page again for every check, about a fifth of a second each time, on about 430 pages.
 * Then axe.run in the page itself: the same rules (the WCAG A and AA tags) on the same DOM.
 * Our pages have one frame (CSP and no iframe), so there are no frames' results to merge. Only
 * violations are asked for (axe's resultTypes), so only they get a selector for every node.
 */
async function withAxe(page: Page) {
	await page.context().addInitScript({ content: axeSource });
}

async function axe(page: Page, label: string) {
	expect(page.frames(), label).toHaveLength(1);
	const violations = await page.evaluate(async (tags) => {
		const { axe } = window as unknown as { axe: typeof import('axe-core') };
		const results = await axe.run(document, {
			runOnly: { type: 'tag', values: tags },
			resultTypes: ['violations']
		});
		return results.violations.map((v) => ({ id: v.id, help: v.help, nodes: v.nodes.length }));
	}, wcag);
	const summary = violations.map((v) => `${label}: ${v.id} (${v.nodes}) ${v.help}`);
	expect(summary).toEqual([]);
}

async function visitAs(page: Page, cookie: string | null, path: string, locale?: string) {
	await page.context().clearCookies();
	if (cookie) {
		const [name, value] = cookie.split('=');
		await page.context().addCookies([{ name: name!, value: value!, url: baseURL }]);
	}
	if (locale)
		await page.context().addCookies([{ name: 'waymark-lang', value: locale, url: baseURL }]);
	const response = await page.goto(path);
	return response;
}

const pages = discoverOperations().filter((op) => op.kind === 'page');
/** A page built once at build time (the offline page) is in English whatever the language. */
const prerendered = (path: string) =>
	fs.existsSync(`${root}/build/prerendered${path === '/' ? '/index' : path}.html`);

/**
 * Every page every role reaches, in English, Welsh and Arabic, each page really in its language:
 * a test for each language, each with a world of its own, so that the two workers (each with its
 * server) share the three sweeps between them and the other files.
 */
test.describe.configure({ mode: 'parallel' });

for (const locale of ['en-GB', 'cy', 'ar']) {
	test(`axe finds 0 violations on every page, for every role, in ${locale}`, async ({ page }) => {
		// Every role's pages, a new manager's too: about 3 minutes on a quiet machine, 7 to 8 on a
		// busy one with the personal adviser added (issue 15); CI has seen 6.
		test.setTimeout(900_000);
		const world = buildMatrixWorld();
		await withAxe(page);
		let visited = 0;
		for (const role of roles) {
			for (const op of pages) {
				if (expected(matrix[operationKey(op)]!, role, 'mine') !== 'ok') continue;
				const path = pathFor(op.routeId, world.paramsFor(role, 'mine', op.routeId));
				const response = await visitAs(page, world.cookieFor(role), path, locale);
				expect(response?.status(), `${locale} ${role} ${path}`).toBe(200);
				// Read at once, not waited for: the page has loaded.
				if (!prerendered(path)) {
					const lang = await page.evaluate(() => document.documentElement.lang);
					expect(lang, `${locale} ${role} ${path}`).toBe(locale);
				}
				await axe(page, `${locale} ${role} ${path}`);
				visited++;
			}
		}
		expect(visited).toBeGreaterThan(30);
	});
}

test('axe finds 0 violations on the pages between password and home, and on error pages', async ({
	page
}) => {
	const world = buildMatrixWorld();
	await withAxe(page);
	const db = e2eDb();
	// A child who signed in with a code and has not chosen a passphrase yet.
	const child = world.w.otherChild.account!;
	const { eq } = await import('drizzle-orm');
	const { user } = await import('../src/lib/server/db/schema');
	db.update(user).set({ passwordHash: null }).where(eq(user.id, child.id)).run();
	const codeSession = createSession(db, child.id, { twoFactorVerified: true, viaSignInCode: true });
	await visitAs(page, `${cookieName}=${codeSession.token}`, '/passphrase');
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Choose your passphrase');
	await axe(page, 'passphrase');
	await visitAs(page, world.cookieFor('pending' as MatrixRole), '/two-factor/setup');
	await axe(page, 'two-factor setup');
	const missing = await visitAs(page, world.cookieFor('child'), '/no-such-page');
	expect(missing?.status()).toBe(404);
	await axe(page, '404');
	const refused = await visitAs(page, world.cookieFor('child'), '/accounts');
	expect(refused?.status()).toBe(403);
	await expect(page.getByRole('heading', { level: 1 })).toHaveText("You can't see this page");
	await axe(page, '403');
});
