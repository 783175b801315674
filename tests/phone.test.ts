import { eq } from 'drizzle-orm';
import type { Locator, Page } from '@playwright/test';
import { expect, test } from './fixtures/test';
import { baseURL } from './fixtures/env';
import { e2eDb, maya, mayaChildId, sessionCookie } from './fixtures/server';
import { user } from '../src/lib/server/db/schema';
import { actorFor, childEntryInput, finalEntry } from '../src/lib/server/test/factories';
import { createChildDraft, sendChildEntry } from '../src/lib/server/space/child-entries';

// Maya on a phone (issue 14, "What people stumbled on"): help in the first screen of every page,
// a header that leaves room for the page, and the small things a child notices.

const phone = { width: 412, height: 915 };

function mayaActor() {
	const db = e2eDb();
	return actorFor(db, db.select().from(user).where(eq(user.id, maya())).get()!);
}

/** A shared entry in Maya's record, written by her key worker. */
function sharedEntry(title: string) {
	const worker = e2eDb().select().from(user).where(eq(user.username, 'sam.okafor')).get()!;
	return finalEntry(e2eDb(), worker, mayaChildId(), {
		title,
		body: { doc: { type: 'doc', content: [] }, text: 'Maya was late for school.' }
	});
}

/** Opens the page of a paginated list that holds this entry (pages run earliest first). */
async function pageWith(page: Page, path: string, entryId: string): Promise<Locator> {
	for (let n = 1; ; n++) {
		await page.goto(`${path}?page=${n}`);
		const card = page.locator(`#entry-${entryId}`);
		if (await card.count()) return card;
		if (!(await page.locator('a[rel="next"]').count())) throw new Error(`${entryId} not found`);
	}
}

/** Every page a child sees, the ones with an id in them found as a child would find them. */
async function childPages(page: Page): Promise<string[]> {
	await page.goto('/me/record');
	const disagree = await page.locator('a[href^="/me/disagree/"]').first().getAttribute('href');
	await page.goto('/me/disagreements');
	const disagreement = await page
		.locator('main a[href^="/me/disagreements/"]')
		.first()
		.getAttribute('href');
	const draft = createChildDraft(e2eDb(), mayaActor(), childEntryInput());
	expect(disagree && disagreement).toBeTruthy();
	return [
		'/me',
		'/me/story',
		'/me/story/new?kind=life_event',
		'/me/story/new?kind=memory',
		'/me/views',
		'/me/views/new',
		'/me/record',
		'/me/record?page=2',
		disagree!,
		'/me/disagreements',
		disagreement!,
		`/me/drafts/${draft.id}`,
		'/me/who-looked',
		'/me/help',
		'/help',
		'/glossary',
		'/account/password'
	];
}

/** Both ways to ask for help lie wholly inside the first screen, before any scrolling. */
async function expectHelpInFirstScreen(page: Page, path: string) {
	for (const name of ['I need to talk to someone', 'I don’t feel safe']) {
		const button = page.getByRole('button', { name, exact: true }).first();
		await expect(button, `${path}: ${name}`).toBeVisible();
		const box = (await button.boundingBox())!;
		const scrolled = await page.evaluate(() => window.scrollY);
		expect(scrolled, path).toBe(0);
		expect(box.y, `${path}: ${name}`).toBeGreaterThanOrEqual(0);
		expect(box.y + box.height, `${path}: ${name} at ${Math.round(box.y)}px`).toBeLessThanOrEqual(
			phone.height
		);
	}
}

for (const javaScriptEnabled of [true, false]) {
	test.describe(javaScriptEnabled ? 'with JavaScript' : 'without JavaScript', () => {
		test.use({ viewport: phone, javaScriptEnabled });

		test('"I need to talk to someone" and "I don’t feel safe" are in the first screen of every child page', async ({
			page
		}) => {
			test.setTimeout(120_000);
			await page.context().addCookies([sessionCookie(maya())]);
			const paths = await childPages(page);
			for (const path of paths) {
				const response = await page.goto(path);
				expect(response?.status(), path).toBe(200);
				await expectHelpInFirstScreen(page, path);
			}
			// And they work from there: one tap tells her workers.
			await page.goto('/me/record');
			await page.getByRole('button', { name: 'I need to talk to someone' }).first().click();
			await expect(page).toHaveURL(/\/me\/help$/);
			await expect(page.getByRole('status')).toContainText('We have told people who can help.');
		});

		test('at 320 px, and at 200% zoom, the header is at most a sixth of the screen, nothing scrolls sideways, and every place is reachable by keyboard', async ({
			page
		}) => {
			test.setTimeout(120_000);
			await page.context().addCookies([sessionCookie(maya())]);
			// A small phone; a 1280×800 and a 1280×720 screen at 200% zoom.
			for (const viewport of [
				{ width: 320, height: 568 },
				{ width: 640, height: 400 },
				{ width: 640, height: 360 }
			]) {
				await page.setViewportSize(viewport);
				for (const code of ['en-GB', 'ar']) {
					await page.context().addCookies([{ name: 'waymark-lang', value: code, url: baseURL }]);
					for (const path of ['/me', '/me/record', '/me/story', '/me/help', '/help']) {
						await page.goto(path);
						const where = `${code} ${path} at ${viewport.width}×${viewport.height}`;
						const header = (await page.locator('header.site-header').boundingBox())!;
						expect(header.height, where).toBeLessThanOrEqual(viewport.height / 6);
						expect(
							await page.evaluate(() => document.documentElement.scrollWidth),
							where
						).toBeLessThanOrEqual(viewport.width);
					}
					// The menu open: still nothing sideways.
					await page.goto('/me');
					await page.locator('.site-menu > summary').click();
					await expect(page.locator('.site-menu a[href="/me/story"]')).toBeVisible();
					expect(
						await page.evaluate(() => document.documentElement.scrollWidth)
					).toBeLessThanOrEqual(viewport.width);
				}
			}
			await page.context().addCookies([{ name: 'waymark-lang', value: 'en-GB', url: baseURL }]);

			// Keyboard only, on the small phone: Tab to the menu, open it, and Tab through every place.
			await page.setViewportSize({ width: 320, height: 568 });
			await page.goto('/me');
			const places = await page
				.locator('.site-menu nav a')
				.evaluateAll((links) => links.map((a) => a.getAttribute('href')!));
			expect(places).toEqual(
				expect.arrayContaining(['/me', '/me/story', '/me/views', '/me/record', '/help'])
			);
			expect(places.length).toBeGreaterThanOrEqual(7);
			const reached: string[] = [];
			let opened = false;
			for (let i = 0; i < 40; i++) {
				await page.keyboard.press('Tab');
				const focus = await page.evaluate(() => {
					const el = document.activeElement as HTMLElement | null;
					return {
						tag: el?.tagName ?? '',
						href: el?.getAttribute('href') ?? '',
						text: el?.textContent?.trim() ?? '',
						inMenu: !!el?.closest('.site-menu')
					};
				});
				if (focus.tag === 'SUMMARY' && !opened) {
					await page.keyboard.press('Enter');
					opened = true;
				}
				if (focus.inMenu)
					reached.push(focus.tag === 'A' ? focus.href : `${focus.tag} ${focus.text}`);
			}
			expect(opened, 'the menu opens from the keyboard').toBe(true);
			for (const href of places) expect(reached, href).toContain(href);
			for (const tool of ['Easy read', 'SELECT', 'Sign out']) {
				expect(
					reached.some((r) => r.includes(tool)),
					tool
				).toBe(true);
			}
			// A place chosen by keyboard opens.
			await page.goto('/me');
			await page.locator('.site-menu > summary').focus();
			await page.keyboard.press('Enter');
			await page.locator('.site-menu a[href="/me/views"]').focus();
			await page.keyboard.press('Enter');
			await expect(page).toHaveURL(/\/me\/views$/);
		});
	});
}

test('an entry Maya already said is wrong shows how that is going, not "I disagree" again', async ({
	page
}) => {
	await page.setViewportSize(phone);
	await page.context().addCookies([sessionCookie(maya())]);
	const disputed = sharedEntry(`Late for school ${Date.now().toString(36)}`);
	const other = sharedEntry(`On time ${Date.now().toString(36)}`);
	await page.goto(`/me/disagree/${disputed.id}`);
	await page.getByLabel('What is wrong?').fill('I was not late.');
	await page.getByLabel('Explain it to me').check();
	await page.getByRole('button', { name: 'Send', exact: true }).click();
	await expect(page.getByRole('status')).toContainText('Sent. Thank you for telling us.');
	const mine = page.url().replace(/\?.*$/, '');

	const card = await pageWith(page, '/me/record', disputed.id);
	await expect(card.getByRole('link', { name: 'I disagree' })).toHaveCount(0);
	const progress = card.getByRole('link', { name: 'What is happening: Sent' });
	await expect(progress).toBeVisible();
	await progress.click();
	await expect(page).toHaveURL(mine);
	// One she has not disputed still offers it.
	await expect(
		(await pageWith(page, '/me/record', other.id)).getByRole('link', { name: 'I disagree' })
	).toBeVisible();
});

test('Maya’s own cards speak to her: "In your own words", never her name as if about someone else', async ({
	page
}) => {
	await page.context().addCookies([sessionCookie(maya())]);
	const db = e2eDb();
	const actor = mayaActor();
	const title = `My bike ${Date.now().toString(36)}`;
	const draft = createChildDraft(db, actor, childEntryInput({ title }));
	sendChildEntry(db, actor, draft.id, null);
	const card = await pageWith(page, '/me/story', draft.id);
	await expect(card.locator('.entry-footer')).toContainText('In your own words.');
	// Across her timeline: nothing she wrote talks about "Maya" in her own space.
	for (const path of ['/me/story', '/me/views']) {
		await page.goto(path);
		const footers = await page.locator('.entry-footer').allInnerTexts();
		expect(footers.length, path).toBeGreaterThan(0);
		for (const footer of footers) {
			expect(footer, path).not.toMatch(/In Maya’s own words|Written by Maya/);
		}
	}
	// The demo has a view she wrote with her social worker's help.
	await page.goto('/me/views');
	await expect(
		page.locator('.entry-footer').filter({ hasText: 'You wrote this with help from' })
	).not.toHaveCount(0);
});

test.describe('without JavaScript', () => {
	test.use({ javaScriptEnabled: false, viewport: phone });

	test('"Read it to me" leaves no empty gap where it cannot work', async ({ page }) => {
		await page.context().addCookies([sessionCookie(maya())]);
		for (const path of ['/me/help', '/help', '/me/record']) {
			await page.goto(path);
			const boxes = page.locator('.read-aloud');
			expect(await boxes.count(), path).toBeGreaterThan(0);
			for (const box of await boxes.all()) expect(await box.boundingBox(), path).toBeNull();
		}
		// The Childline panel: the words, then straight on to the button.
		await page.goto('/me/help');
		const words = (await page.locator('.childline > p').first().boundingBox())!;
		const call = (await page.getByRole('link', { name: 'Call Childline' }).boundingBox())!;
		expect(call.y - (words.y + words.height)).toBeLessThan(30);
	});
});

test('on a device with no voices, "Read it to me" leaves no empty gap either', async ({ page }) => {
	await page.addInitScript(() => {
		delete (window as unknown as Record<string, unknown>).speechSynthesis;
	});
	await page.context().addCookies([sessionCookie(maya())]);
	await page.goto('/me/help');
	await expect(page.locator('html')).toHaveClass(/cannot-speak/);
	for (const box of await page.locator('.read-aloud').all())
		expect(await box.boundingBox()).toBeNull();
});
