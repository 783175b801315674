import { eq } from 'drizzle-orm';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures/test';
import { e2eDb, sessionCookie } from './fixtures/server';
import { childProfile, user } from '../src/lib/server/db/schema';

/**
 * Staff pages are hydrated and post their forms with use:enhance; they load no page script. A
 * child's pages are served without SvelteKit's client and load only the page script.
 */

test.describe.configure({ mode: 'serial' });

const workerId = () => e2eDb().select().from(user).where(eq(user.username, 'sam.okafor')).get()!.id;
const mayaId = () =>
	e2eDb().select().from(childProfile).where(eq(childProfile.preferredName, 'Maya')).get()!.id;

const pageScript = 'script[src*="/_app/enhance/page.js"]';
const fixProblems = 'Some answers need changing. They are marked below.';

/** Whether the page starts SvelteKit's client (an inline script imports its entry). */
function startsSvelteKit(page: Page): Promise<boolean> {
	return page.evaluate(() =>
		[...document.scripts].some((s) => s.textContent?.includes('/_app/immutable/entry/'))
	);
}

async function saveProfile(page: Page, pronouns: string) {
	await page.getByLabel('Pronouns', { exact: true }).fill(pronouns);
	await page.getByRole('button', { name: 'Save details' }).click();
}

test('a staff form posts in place: a problem shows with the words kept, a save keeps the new value', async ({
	context,
	page
}) => {
	await context.addCookies([sessionCookie(workerId())]);
	await page.goto(`/children/${mayaId()}/profile`);
	await expect(page.locator(pageScript)).toHaveCount(0);
	expect(await startsSvelteKit(page)).toBe(true);
	await page.waitForLoadState('networkidle');
	const pronouns = page.getByLabel('Pronouns', { exact: true });
	const before = await pronouns.inputValue();
	// Anything on `window` survives only if the page is never reloaded.
	await page.evaluate(() => Object.assign(window, { sameDocument: true }));
	const sameDocument = () => page.evaluate(() => 'sameDocument' in window);

	const tooLong = 'x'.repeat(201);
	await saveProfile(page, tooLong);
	await expect(page.getByRole('alert')).toHaveText(fixProblems);
	await expect(pronouns).toHaveValue(tooLong);
	expect(await sameDocument()).toBe(true);

	const next = `they/them ${Date.now().toString(36)}`;
	await saveProfile(page, next);
	await expect(page.locator('p.notice[role=status]')).toHaveText('Saved.');
	await expect(page.getByRole('alert')).toHaveCount(0);
	await expect(pronouns).toHaveValue(next);
	expect(await sameDocument()).toBe(true);

	await page.reload();
	await expect(pronouns).toHaveValue(next);
	await saveProfile(page, before);
	await expect(page.locator('p.notice[role=status]')).toHaveText('Saved.');
});

test.describe('without JavaScript', () => {
	test.use({ javaScriptEnabled: false });

	test('the same staff form posts as a plain form', async ({ context, page }) => {
		await context.addCookies([sessionCookie(workerId())]);
		await page.goto(`/children/${mayaId()}/profile`);
		const before = await page.getByLabel('Pronouns', { exact: true }).inputValue();
		await saveProfile(page, 'x'.repeat(201));
		await expect(page.getByRole('alert')).toHaveText(fixProblems);
		await saveProfile(page, before);
		await expect(page.locator('p.notice[role=status]')).toHaveText('Saved.');
	});
});

test("a child's page loads the page script, and no framework", async ({ page }) => {
	await page.goto('/sign-in');
	await expect(page.locator(pageScript)).toHaveCount(1);
	expect(await startsSvelteKit(page)).toBe(false);
});
