import { eq } from 'drizzle-orm';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures/test';
import { demoSignIns, e2eDb, sessionCookie } from './fixtures/server';
import { signIn } from './fixtures/pages';
import { user, childProfile } from '../src/lib/server/db/schema';
import { finalEntry } from '../src/lib/server/test/factories';

test.describe.configure({ mode: 'serial' });

/** Reads each page of "My record" in turn, by number, until there is no next page. */
async function everyPage<T>(page: Page, read: (page: Page) => Promise<T>): Promise<T[]> {
	const out: T[] = [];
	for (let n = 1; ; n++) {
		await page.goto(`/me/record?page=${n}`);
		out.push(await read(page));
		if (!(await page.locator('a[rel="next"]').count())) return out;
	}
}

const id = (username: string) =>
	e2eDb().select().from(user).where(eq(user.username, username)).get()!.id;
const mayaId = () =>
	e2eDb().select().from(childProfile).where(eq(childProfile.preferredName, 'Maya')).get()!.id;
const title = `Swimming gala ${Date.now().toString(36)}`;

test('a key worker shares an opinion from a third party; the child reads it with its labels and the glossary; a correction follows', async ({
	newContext
}) => {
	// The key worker writes, with the editor, and shares the entry with Maya.
	const worker = await newContext();
	await worker.addCookies([sessionCookie(id('sam.okafor'))]);
	const wp = await worker.newPage();
	await wp.goto(`/children/${mayaId()}/record`);
	await wp.getByRole('link', { name: 'Write an entry' }).click();
	await wp.getByLabel('Title', { exact: true }).fill(title);
	// The rich editor loads after the page; wait for its toolbar before typing into it.
	await expect(wp.getByRole('toolbar', { name: 'Text style' })).toBeVisible();
	const editor = wp.getByRole('textbox', { name: 'What happened' });
	await editor.click();
	await wp.keyboard.type('Maya swam 50 metres at the gala. Her looked-after review is next week.');
	await wp.getByLabel('Date', { exact: true }).fill(new Date().toISOString().slice(0, 10));
	await wp.getByLabel('This is', { exact: true }).selectOption('opinion');
	await wp
		.getByLabel('Reasons for this opinion')
		.fill('She practised every Saturday and told me she felt proud.');
	await wp.getByLabel('Source', { exact: true }).selectOption('person');
	await wp.getByLabel('Name of the person or document').fill('Sally Thompson');
	await wp.getByLabel('Their relationship to the child').selectOption('mother');
	await wp.getByLabel('Visibility').selectOption('shared');
	await wp.getByRole('button', { name: 'Finalise' }).click();
	await expect(wp.getByRole('status')).toContainText('Finalised');
	const entryUrl = wp.url().replace(/\?.*$/, '');

	// Maya reads it, with plain labels, and taps a word she does not know.
	const tablet = await newContext();
	const page = await tablet.newPage();
	const { username, password } = demoSignIns().child;
	await signIn(page, username, password);
	await page.getByRole('link', { name: 'My record' }).first().click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('My record');
	// Earliest first: something that happened today is on the last page.
	await page.goto('/me/record?page=999');
	const card = page.locator('article', { hasText: title });
	await expect(card).toContainText(
		'This is what Sam Okafor thinks. Why: She practised every Saturday'
	);
	await expect(card).toContainText('Who told us: Sally Thompson, your mother');
	await expect(card).toContainText('Written by Sam Okafor (Residential key worker)');
	const term = card.locator('.term a').first();
	await term.focus();
	await expect(card.getByRole('tooltip').first()).toBeVisible();
	await term.click();
	await expect(card.getByRole('tooltip').first()).toBeVisible();
	await expect(page).toHaveURL(/\/me\/record/);

	// The worker corrects it, with the reason, in plain words.
	await wp.goto(entryUrl);
	await wp.getByRole('link', { name: 'Correct this entry' }).click();
	await wp.getByLabel('Why is this being corrected?').fill('It was 100 metres, not 50.');
	await expect(wp.getByRole('toolbar', { name: 'Text style' })).toBeVisible();
	const fix = wp.getByRole('textbox', { name: 'What happened' });
	await fix.click();
	await wp.keyboard.press('Control+A');
	await wp.keyboard.type('Maya swam 100 metres at the gala.');
	await wp.getByRole('button', { name: 'Finalise' }).click();
	await expect(wp.getByRole('status')).toContainText('Finalised');

	// Maya sees what changed, and why; both entries stay.
	await page.reload();
	await expect(card.first()).toContainText('because: It was 100 metres, not 50.');
	await expect(
		page.locator('article', { hasText: 'Maya swam 100 metres at the gala.' })
	).toContainText('This puts right an earlier entry');
	await expect(page.locator('article', { hasText: 'Maya swam 50 metres' })).toHaveCount(1);
});

test('the demo record reads as a child sees it: labels, a late entry, a correction, a neutral confidential note, Welsh', async ({
	page
}) => {
	const { username, password } = demoSignIns().child;
	await signIn(page, username, password);
	const all = (await everyPage(page, (p) => p.locator('main').innerText())).join('\n');
	for (const label of [
		'This is a fact.',
		'This is what',
		'This is a decision.',
		'Someone else told us this:',
		'Written late:',
		'Changed on',
		'private part of your file'
	]) {
		expect(all, label).toContain(label);
	}
	// In Welsh, translated entries show in Welsh, with the English original one tap away.
	await page.locator('#language-select').selectOption('cy');
	await page.locator('.language-switcher button').click();
	const translated = await everyPage(page, (p) => p.locator('article[lang="cy"]').count());
	const first = translated.findIndex((n) => n > 0);
	expect(first).toBeGreaterThanOrEqual(0);
	await page.goto(`/me/record?page=${first + 1}`);
	const original = page.locator('article[lang="cy"] details.original').first();
	await original.locator('summary').click();
	await expect(original.locator('[lang="en-GB"], h3').first()).toBeVisible();
	await page.locator('#language-select').selectOption('en-GB');
	await page.locator('.language-switcher button').click();
});

test('a manager moves a confidential item out after consulting who lodged it; the child can then read it', async ({
	newContext,
	page
}) => {
	const secret = `Contact with dad ${Date.now().toString(36)}`;
	const worker = e2eDb().select().from(user).where(eq(user.username, 'sam.okafor')).get()!;
	finalEntry(e2eDb(), worker, mayaId(), {
		title: secret,
		visibility: 'confidential',
		confidentialReason: 'Waiting for the court to decide.'
	});
	const { username, password } = demoSignIns().child;
	await signIn(page, username, password);
	const before = (await everyPage(page, (p) => p.locator('main').innerText())).join('\n');
	expect(before).not.toContain(secret);

	const office = await newContext();
	await office.addCookies([sessionCookie(id(demoSignIns().manager.username))]);
	const mp = await office.newPage();
	await mp.goto('/');
	await mp.getByRole('link', { name: 'Confidential section' }).click();
	const row = mp.getByRole('row', { name: new RegExp(secret) });
	await expect(row).toContainText('Waiting for the court to decide.');
	await expect(row).toContainText('Sam Okafor');
	await row.getByRole('link', { name: secret }).click();
	await mp.getByRole('link', { name: 'Move out of the confidential section' }).click();
	await mp.getByLabel('Move it to').selectOption('shared');
	await mp.getByLabel('Their view').fill('The court has decided. Sam agrees Maya can read it.');
	await mp.getByRole('button', { name: 'Move out of the confidential section' }).click();
	// Not consulted yet: refused, and nothing typed is lost.
	await expect(mp.getByRole('alert')).toContainText('Some answers need changing');
	await expect(mp.getByText('You must consult the person who lodged the item')).toBeVisible();
	await expect(mp.getByLabel('Their view')).toHaveValue(
		'The court has decided. Sam agrees Maya can read it.'
	);
	await mp.getByLabel(/I have consulted Sam Okafor/).check();
	await mp.getByRole('button', { name: 'Move out of the confidential section' }).click();
	await expect(mp.getByRole('status')).toContainText('Moved out of the confidential section');
	await expect(mp.locator('main')).toContainText('Moved out of the confidential section on');
	await mp.goto('/confidential');
	await expect(mp.getByRole('row', { name: new RegExp(secret) })).toHaveCount(0);

	// Maya now reads it, with a note that it was private; the manager's decision stays with staff.
	const after = (await everyPage(page, (p) => p.locator('main').innerText())).join('\n');
	expect(after).toContain(secret);
	expect(after).toContain('This was in the private part of your file. It was moved out on');
	expect(after).not.toContain('Sam agrees Maya can read it');
});
