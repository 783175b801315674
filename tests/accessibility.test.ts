import { type Page } from '@playwright/test';
import { expect, test } from './fixtures/test';
import AxeBuilder from '@axe-core/playwright';
import { discoverOperations, operationKey, pathFor } from './fixtures/routes';
import { expected, matrix } from './fixtures/matrix';
import { buildMatrixWorld, roles, type MatrixRole } from './fixtures/world';
import { baseURL } from './fixtures/env';
import { createSession } from '../src/lib/server/auth/session';
import { e2eDb, cookieName } from './fixtures/server';

async function axe(page: Page, label: string) {
	const results = await new AxeBuilder({ page })
		.withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'])
		.analyze();
	const summary = results.violations.map((v) => `${label}: ${v.id} (${v.nodes.length}) ${v.help}`);
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

/**
 * Every page every role reaches, in English, Welsh and Arabic: one world, the three languages swept
 * side by side, each in its own browser context (the server has a worker per core).
 */
test('axe finds 0 violations on every page, for every role, in en-GB, cy and ar', async ({
	newContext
}) => {
	// Every role's pages, a new manager's too: about 3 minutes a language one after the other.
	test.setTimeout(600_000);
	const world = buildMatrixWorld();
	const sweep = async (locale: string) => {
		const page = await (await newContext()).newPage();
		let visited = 0;
		for (const role of roles) {
			for (const op of pages) {
				if (expected(matrix[operationKey(op)]!, role, 'mine') !== 'ok') continue;
				const path = pathFor(op.routeId, world.paramsFor(role, 'mine', op.routeId));
				const response = await visitAs(page, world.cookieFor(role), path, locale);
				expect(response?.status(), `${locale} ${role} ${path}`).toBe(200);
				await axe(page, `${locale} ${role} ${path}`);
				visited++;
			}
		}
		return visited;
	};
	const visited = await Promise.all(['en-GB', 'cy', 'ar'].map(sweep));
	for (const count of visited) expect(count).toBeGreaterThan(30);
});

test('axe finds 0 violations on the pages between password and home, and on error pages', async ({
	page
}) => {
	const world = buildMatrixWorld();
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
