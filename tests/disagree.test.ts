import { eq } from 'drizzle-orm';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures/test';
import { demoSignIns, e2eDb, maya, mayaChildId, sessionCookie, userIdOf } from './fixtures/server';
import { user } from '../src/lib/server/db/schema';
import { finalEntry } from '../src/lib/server/test/factories';

test.describe.configure({ mode: 'serial' });

/** A shared entry in Maya's record, written by her key worker, to disagree with. */
function sharedEntry(title: string) {
	const worker = e2eDb().select().from(user).where(eq(user.username, 'sam.okafor')).get()!;
	return finalEntry(e2eDb(), worker, mayaChildId(), {
		title,
		body: { doc: { type: 'doc', content: [] }, text: 'Maya refused to go to contact.' }
	});
}

/** Opens the page of "My record" that holds this entry (pages run earliest first). */
async function recordPageWith(page: Page, entryId: string) {
	for (let n = 1; ; n++) {
		await page.goto(`/me/record?page=${n}`);
		if (await page.locator(`#entry-${entryId}`).count()) return page.locator(`#entry-${entryId}`);
		if (!(await page.locator('a[rel="next"]').count())) throw new Error(`${entryId} not found`);
	}
}

/** Maya says the entry is wrong; returns the page of her disagreement. */
async function disagree(page: Page, entryId: string, wrong: string) {
	await page.goto(`/me/disagree/${entryId}`);
	await page.getByLabel('What is wrong?').fill(wrong);
	await page.getByLabel('What do you think happened?').fill('The taxi never came.');
	await page.getByLabel('Add my side next to it').check();
	await page.getByRole('button', { name: 'Send', exact: true }).click();
	await expect(page.getByRole('status')).toContainText('Sent. Thank you for telling us.');
	return page.url().replace(/\?.*$/, '');
}

test('the child disagrees; the worker acknowledges, adds her side and links it to Mosaic; the child and the manager see it', async ({
	page,
	newContext
}) => {
	const title = `Contact on Saturday ${Date.now().toString(36)}`;
	const disputed = sharedEntry(title);
	await page.context().addCookies([sessionCookie(maya())]);
	// From the entry itself, in "My record".
	await (await recordPageWith(page, disputed.id)).getByRole('link', { name: 'I disagree' }).click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('I disagree with this');
	const mine = await disagree(page, disputed.id, 'I did not refuse to go.');
	await expect(page.locator('main')).toContainText('Nobody has picked it up yet');

	const office = await newContext();
	await office.addCookies([sessionCookie(userIdOf('sam.okafor'))]);
	const wp = await office.newPage();
	await wp.goto('/disagreements');
	await wp.getByRole('link', { name: title }).first().click();
	await expect(wp.locator('main')).toContainText('I did not refuse to go.');
	await wp.getByRole('button', { name: 'I am looking at it' }).click();
	await expect(wp.getByRole('status')).toContainText('Acknowledged');

	await page.goto(mine);
	await expect(page.locator('main')).toContainText('Sam Okafor');
	await expect(page.locator('main')).toContainText('is looking at it');

	await wp.getByLabel('The child’s side is added next to it').check();
	await wp
		.getByLabel('The reason, in plain words')
		.fill('Maya is right that the taxi did not come. Her side is now next to the entry.');
	await wp.getByRole('button', { name: 'Record the decision' }).click();
	await expect(wp.getByRole('status')).toContainText('Decided');
	await wp.getByLabel('Case system').selectOption('mosaic');
	await wp.getByLabel('Reference there').fill('CN-48213');
	await wp.getByRole('button', { name: 'Save the link' }).click();
	await expect(wp.getByRole('status')).toContainText('Linked');

	await page.goto(mine);
	await expect(page.locator('main')).toContainText('Your side was added');
	await expect(page.locator('main')).toContainText('Added to your file in Mosaic on');
	const card = await recordPageWith(page, disputed.id);
	await expect(card).toContainText('You said this is wrong on');
	await expect(card).toContainText('The taxi never came.');

	// The manager sees the dispute on the entry too.
	const manager = await newContext();
	await manager.addCookies([sessionCookie(userIdOf(demoSignIns().manager.username))]);
	const mp = await manager.newPage();
	await mp.goto(`/children/${mayaChildId()}/record/${disputed.id}`);
	await expect(mp.locator('main')).toContainText('Disputed by Maya on');
	await expect(mp.locator('main')).toContainText('The taxi never came.');
});

test('a disagreement ends in "corrected": the child reads the new text', async ({
	page,
	newContext
}) => {
	const title = `School report ${Date.now().toString(36)}`;
	const disputed = sharedEntry(title);
	await page.context().addCookies([sessionCookie(maya())]);
	const mine = await disagree(page, disputed.id, 'My grade was a B, not a C.');
	const wp = await (async () => {
		const c = await newContext();
		await c.addCookies([sessionCookie(userIdOf('sam.okafor'))]);
		return c.newPage();
	})();
	await wp.goto(mine.replace('/me/disagreements/', '/disagreements/'));
	// Deciding before acknowledging: one of the other steps, one click away.
	await wp.locator('summary', { hasText: 'Decide' }).click();
	await wp.getByLabel('Fixed: a new entry takes its place').check();
	await wp.getByLabel('The reason, in plain words').fill('The school sent the right grade.');
	await wp.getByLabel('For "corrected": the entry’s new text').fill('Maya got a B in maths.');
	await wp.getByRole('button', { name: 'Record the decision' }).click();
	await expect(wp.getByRole('status')).toContainText('Decided');
	await page.goto(mine);
	await expect(page.locator('main')).toContainText('Changed');
	await expect(await recordPageWith(page, disputed.id)).toContainText('Changed on');
	await expect(page.locator('article', { hasText: 'Maya got a B in maths.' })).toContainText(
		'This puts right an earlier entry'
	);
});

test('a disagreement ends in "not changed": the child reads why, and how to complain', async ({
	page,
	newContext
}) => {
	const title = `Bedtime ${Date.now().toString(36)}`;
	const disputed = sharedEntry(title);
	await page.context().addCookies([sessionCookie(maya())]);
	const mine = await disagree(page, disputed.id, 'Bedtime is not 8pm.');
	const c = await newContext();
	await c.addCookies([sessionCookie(userIdOf('sam.okafor'))]);
	const wp = await c.newPage();
	await wp.goto(mine.replace('/me/disagreements/', '/disagreements/'));
	// Deciding before acknowledging: one of the other steps, one click away.
	await wp.locator('summary', { hasText: 'Decide' }).click();
	await wp.getByLabel('Not changed').check();
	await wp
		.getByLabel('The reason, in plain words')
		.fill('The house rules say 8pm on school nights.');
	await wp.getByRole('button', { name: 'Record the decision' }).click();
	await expect(wp.getByRole('status')).toContainText('Decided');
	await page.goto(mine);
	await expect(page.locator('main')).toContainText('The house rules say 8pm on school nights.');
	await expect(page.locator('main')).toContainText('make a complaint');
	await expect(page.locator('main')).toContainText('ico.org.uk');
});
