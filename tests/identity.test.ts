import { type Page } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { expect, test } from './fixtures/test';
import { mayaChildId, maya, sessionCookie, userIdOf } from './fixtures/server';
import { readMessages } from '../src/tooling/messages';

// Issue 15, parts 5 and 6: asking before sharing, and "my name, my words". Maya on a phone,
// without JavaScript, and her key worker.

test.describe.configure({ mode: 'serial' });
// axe on a busy two-core machine can take a while per page.
test.setTimeout(240_000);
test.use({ javaScriptEnabled: false, viewport: { width: 412, height: 915 } });

const tag = Math.random().toString(36).slice(2, 8);
const culture = `My mum is from Jamaica, my dad from Cardiff ${tag}`;
const about = `I love drawing and football ${tag}`;
const why = `Please do not tell school yet ${tag}`;
const ar = readMessages('messages', 'ar');

/** axe runs in the page, so in a context of its own with scripts on, as the same person. */
async function axe(page: Page, label: string) {
	const browser = page.context().browser()!;
	// The file's options (no JavaScript) apply to new contexts too: axe needs it on.
	const context = await browser.newContext({
		javaScriptEnabled: true,
		viewport: { width: 412, height: 915 },
		baseURL: new URL(page.url()).origin
	});
	await context.addCookies(await page.context().cookies());
	const checked = await context.newPage();
	await checked.goto(page.url());
	const results = await new AxeBuilder({ page: checked })
		.options({ resultTypes: ['violations'] })
		.withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'])
		.setLegacyMode(true)
		.analyze();
	await context.close();
	expect(results.violations.map((v) => `${label}: ${v.id} ${v.help}`)).toEqual([]);
}

const asMaya = (page: Page) => page.context().addCookies([sessionCookie(maya())]);
const asSam = (page: Page) => page.context().addCookies([sessionCookie(userIdOf('sam.okafor'))]);

test('Maya says who she is in her own words, and sees what changed', async ({ page }) => {
	await asMaya(page);
	await page.goto('/me');
	await page.getByRole('link', { name: /About me/ }).click();
	await expect(page).toHaveURL(/\/me\/about-me$/);
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('About me');
	await axe(page, 'about me');
	await page.getByLabel('My pronouns').fill('she/her');
	await page.getByLabel('My culture and family').fill(culture);
	await page.getByLabel('The languages I speak').fill('English, and a bit of Welsh');
	await page.getByLabel('Anything else about me').fill(about);
	await page.getByRole('button', { name: 'Save' }).click();
	await expect(page.getByRole('status')).toHaveText('Saved. Your workers will see your new words.');
	await expect(page.getByLabel('My culture and family')).toHaveValue(culture);
	const changes = page.locator('.change-list li');
	await expect(changes.filter({ hasText: 'My culture and family' }).first()).toContainText(culture);
	// Typed words keep their own direction on a right-to-left page.
	await page.context().addCookies([{ name: 'waymark-lang', value: 'ar', url: page.url() }]);
	await page.goto('/me/about-me');
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(ar['aboutMe.title']!);
	await expect(page.locator('textarea#ownCulture')).toHaveAttribute('dir', 'auto');
	await axe(page, 'about me in Arabic');
	await page.context().clearCookies({ name: 'waymark-lang' });
});

test('her key worker sees her words and the history, and records her answers about sharing', async ({
	page
}) => {
	await asSam(page);
	await page.goto(`/children/${mayaChildId()}`);
	const words = page.locator('section', {
		has: page.getByRole('heading', { name: 'In their own words' })
	});
	await expect(words).toContainText(culture);
	await expect(words).toContainText(about);
	const sharing = page.locator('section', {
		has: page.getByRole('heading', { name: 'Asking before sharing' })
	});
	await expect(sharing).toBeVisible();
	await words.getByRole('link', { name: 'Who changed what, and when' }).click();
	const history = page.locator('#history');
	await expect(history).toContainText('changed Culture and family, in their words');
	await expect(history).toContainText(culture);

	await page.goto(`/children/${mayaChildId()}`);
	await sharing.getByRole('link', { name: 'All answers about sharing' }).click();
	await axe(page, 'consent');
	await page.getByLabel('What it would be shared for').selectOption('school');
	await page.getByLabel('Their answer').selectOption('agreed');
	await page.getByRole('button', { name: 'Record this answer' }).click();
	await expect(page.getByRole('status')).toHaveText('The answer is recorded.');
	// "Could not be asked" needs the reason.
	await page.getByLabel('What it would be shared for').selectOption('health');
	await page.getByLabel('Their answer').selectOption('cannot_ask');
	await page.getByRole('button', { name: 'Record this answer' }).click();
	await expect(page.getByRole('alert')).toBeVisible();
	await page.getByLabel('If they could not be asked: why').fill(`She was in hospital ${tag}`);
	await page.getByRole('button', { name: 'Record this answer' }).click();
	const now = page.locator('#current');
	await expect(now).toContainText('School: Agreed');
	await expect(now).toContainText(`She was in hospital ${tag}`);
	// On her page, before anyone shares.
	await page.goto(`/children/${mayaChildId()}`);
	await expect(sharing).toContainText('School: Agreed');
});

test('Maya reads her answers in plain words and asks to change one', async ({ page }) => {
	await asMaya(page);
	await page.goto('/me');
	await page.getByRole('link', { name: /Sharing my information/ }).click();
	await expect(page).toHaveURL(/\/me\/sharing$/);
	await axe(page, 'sharing');
	const school = page.locator('li', { hasText: 'You said yes to telling your school.' }).first();
	await expect(school).toBeVisible();
	await expect(page.locator('main')).toContainText(
		`Your workers could not ask you about doctors and nurses. This is why: She was in hospital ${tag}`
	);
	await school.getByLabel('What you want to say').fill(why);
	await school.getByRole('button', { name: 'Ask to change this' }).click();
	await expect(page.getByRole('status')).toHaveText(
		'We sent this to your workers. They will talk to you about it.'
	);
	await expect(
		page.locator('li', { hasText: 'You said yes to telling your school.' }).first()
	).toContainText('You asked to change this on');
});

test("the request reaches her key worker's inbox until a new answer is recorded", async ({
	page
}) => {
	await asSam(page);
	await page.goto('/inbox');
	const requests = page.locator('section', {
		has: page.getByRole('heading', { name: 'Asked to change an answer about sharing' })
	});
	const ours = requests.locator('li', { hasText: why });
	await expect(ours).toContainText('asked on');
	await expect(ours).toContainText('School');
	await ours.getByRole('link').click();
	await expect(page.locator('main')).toContainText(why);
	await page.getByLabel('What it would be shared for').selectOption('school');
	await page.getByLabel('Their answer').selectOption('declined');
	await page.getByRole('button', { name: 'Record this answer' }).click();
	await expect(page.locator('#current')).toContainText('School: Did not agree');
	// Both answers stay in the history.
	await expect(page.locator('#history').locator('..')).toContainText('School: Agreed');
	await page.goto('/inbox');
	await expect(page.locator('li', { hasText: why })).toHaveCount(0);
});
