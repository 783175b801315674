import type { Page } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { eq } from 'drizzle-orm';
import { expect, test } from './fixtures/test';
import { baseURL, e2eDb, maya, mayaChildId, sessionCookie, userIdOf } from './fixtures/server';
import { user } from '../src/lib/server/db/schema';
import { actorFor, finalEntry } from '../src/lib/server/test/factories';
import { startDisagreement } from '../src/lib/server/disagreements/disagree';
import { sendChildEntry } from '../src/lib/server/space/child-entries';
import { docFromPlainText } from '../src/lib/server/record/sanitise';
import { releaseConfidential } from '../src/lib/server/record/confidential';

/** Issue 14: what staff stumbled on, each checked the way they stumbled. */
test.describe.configure({ mode: 'serial' });

async function as(page: Page, username: string) {
	await page.context().clearCookies();
	await page.context().addCookies([sessionCookie(userIdOf(username))]);
}

const userRow = (username: string) =>
	e2eDb().select().from(user).where(eq(user.username, username)).get()!;

/** A shared entry in Maya's record, written by her key worker. */
function sharedEntry(title: string, text: string) {
	return finalEntry(e2eDb(), userRow('sam.okafor'), mayaChildId(), {
		title,
		body: docFromPlainText(text)
	});
}

async function axe(page: Page) {
	const results = await new AxeBuilder({ page })
		.withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'])
		.analyze();
	expect(results.violations.map((v) => `${v.id}: ${v.help}`)).toEqual([]);
}

test('a sign-in code comes on one printable slip, with a way back for each person', async ({
	page
}) => {
	const child = `/children/${mayaChildId()}`;
	await as(page, 'sam.okafor');
	await page.goto(`${child}/sign-in-code`);
	// The code sign-in asks for the username: the page says it before any code is made.
	await expect(page.getByTestId('child-username')).toHaveText('maya');
	await page.getByRole('button', { name: 'Make a code' }).click();
	const slip = page.getByTestId('sign-in-slip');
	await expect(slip.getByRole('heading', { name: 'How to sign in' })).toBeVisible();
	await expect(slip.getByTestId('slip-address')).toHaveText(`${baseURL}/sign-in/code`);
	await expect(slip.getByTestId('slip-username')).toHaveText('maya');
	await expect(slip.getByTestId('sign-in-code')).toHaveText(/^[A-Z2-9]{4}-[A-Z2-9]{4}$/);
	await expect(slip).toContainText(/Use the code before \d{1,2}:\d{2}/);
	await axe(page);

	// Printed, the slip is all there is: no heading, form, menu or hint around it.
	await page.emulateMedia({ media: 'print' });
	await expect(slip).toBeVisible();
	for (const other of [
		page.getByRole('heading', { level: 1 }),
		page.getByRole('button', { name: 'Make a new code' }),
		page.getByText('Give this slip to Maya'),
		page.getByRole('link', { name: 'Back to Maya' }),
		page.locator('.site-header')
	]) {
		await expect(other).toBeHidden();
	}
	await page.emulateMedia({ media: 'screen' });

	// The worker goes back to the child's page; so does the manager from the workers' page.
	await page.getByRole('link', { name: 'Back to Maya' }).click();
	await expect(page).toHaveURL(new RegExp(`${child}$`));
	await as(page, 'chris.evans');
	await page.goto(`${child}/assignments`);
	await page.getByRole('link', { name: 'Back to Maya' }).click();
	await expect(page).toHaveURL(new RegExp(`${child}$`));

	// An administrator never opens the record: their way back is the child's account.
	await as(page, 'robin.admin');
	await page.goto(`${child}/sign-in-code`);
	await page.getByRole('link', { name: 'Back to the account of Maya' }).click();
	await expect(page).toHaveURL(new RegExp(`/accounts/${maya()}$`));
});

test('a disagreement shows the disputed entry beside the child’s words, and one step at a time', async ({
	page
}) => {
	const title = `Contact on Sunday ${Date.now().toString(36)}`;
	const disputed = sharedEntry(title, 'Maya did not want to see her brother.');
	const child = actorFor(e2eDb(), userRow('maya'));
	const draft = startDisagreement(
		e2eDb(),
		child,
		disputed.id,
		{ wrong: 'I did want to see him.', happened: 'The visit was cancelled.', wants: ['addSide'] },
		null
	);
	const sent = sendChildEntry(e2eDb(), child, draft.id, null);
	await as(page, 'sam.okafor');

	// The list speaks to staff, not to the child.
	await page.goto('/disagreements');
	const row = page.getByRole('row', { name: new RegExp(title) });
	await expect(row).toContainText('Not acknowledged yet');
	await row.getByRole('link', { name: title }).click();
	await expect(page).toHaveURL(new RegExp(`/disagreements/${sent.id}$`));

	// The entry's own words and the day it was received, beside what the child said.
	const entry = page.getByTestId('disputed-entry');
	await expect(entry).toContainText('Maya did not want to see her brother.');
	await expect(page.locator('main')).toContainText('I did want to see him.');
	await expect(page.locator('main')).toContainText(/Received on \d{1,2} \w+ \d{4}\./);

	// First only "I am looking at it"; deciding, extending and linking are one click away.
	const decide = page.getByRole('button', { name: 'Record the decision' });
	const extend = page.getByRole('button', { name: 'Extend', exact: true });
	const link = page.getByRole('button', { name: 'Save the link' });
	await expect(page.getByRole('heading', { name: 'Next step: Acknowledge' })).toBeVisible();
	await expect(page.getByRole('button', { name: 'I am looking at it' })).toBeVisible();
	for (const hidden of [decide, extend, link]) await expect(hidden).toBeHidden();
	await page.locator('summary', { hasText: 'Extend the deadline' }).click();
	await expect(extend).toBeVisible();
	await axe(page);

	await page.getByRole('button', { name: 'I am looking at it' }).click();
	await expect(page.getByRole('status')).toContainText('Acknowledged');
	await expect(page.getByRole('heading', { name: 'Next step: Decide' })).toBeVisible();
	await expect(decide).toBeVisible();
	await expect(extend).toBeHidden();
	await expect(link).toBeHidden();
	// A form that comes back with a problem stays open where it was.
	await page.locator('summary', { hasText: 'Extend the deadline' }).click();
	// Past the browser's own check, as an old browser would send it: the server's answer counts.
	await page.locator('form[action="?/extend"]').evaluate((f: HTMLFormElement) => {
		f.noValidate = true;
	});
	await extend.click();
	await expect(page.getByRole('alert')).toBeVisible();
	await expect(extend).toBeVisible();

	await page.getByLabel('The child’s side is added next to it').check();
	await page.getByLabel('The reason, in plain words').fill('Her side is now next to the entry.');
	await decide.click();
	await expect(page.getByRole('status')).toContainText('Decided');
	await expect(
		page.getByRole('heading', { name: 'Next step: Link into the case record' })
	).toBeVisible();
	await expect(link).toBeVisible();
	await page.goto('/disagreements');
	await expect(page.getByRole('row', { name: new RegExp(title) })).toContainText(
		'Child’s side added'
	);
	await expect(page.getByRole('row', { name: new RegExp(title) })).not.toContainText('Your side');
	// And so does the disputed entry's card, for staff.
	await page.goto(`/children/${mayaChildId()}/record/${disputed.id}`);
	await expect(page.locator(`#entry-${disputed.id}`)).toContainText('Child’s side added');
	await expect(page.locator(`#entry-${disputed.id}`)).not.toContainText('Your side was added');
});

test('an item moved out of the confidential section shows where it is now, and its history', async ({
	page
}) => {
	const title = `Police visit ${Date.now().toString(36)}`;
	const lodged = finalEntry(e2eDb(), userRow('sam.okafor'), mayaChildId(), {
		title,
		body: docFromPlainText('The police came to talk about the party.'),
		visibility: 'confidential',
		confidentialReason: 'Police asked us to wait'
	});
	releaseConfidential(
		e2eDb(),
		actorFor(e2eDb(), userRow('chris.evans')),
		lodged.id,
		{ visibility: 'staff_only', originatorConsulted: true, originatorView: 'Agreed.' },
		null
	);
	await as(page, 'sam.okafor');
	const record = `/children/${mayaChildId()}/record`;
	await page.goto(`${record}/${lodged.id}`);
	const card = page.locator(`#entry-${lodged.id}`);
	await expect(card.getByTestId('visibility-now')).toHaveText('Staff only');
	await expect(card.locator('.badge-confidential')).toHaveCount(0);
	await expect(card).toContainText('It was in the confidential section because: Police asked');
	await expect(card).not.toContainText('In the confidential section because');
	await expect(card).toContainText('Moved out of the confidential section on');

	// The filters go by where it is now.
	await page.goto(`${record}?visibility=confidential`);
	await expect(page.getByRole('heading', { name: title })).toHaveCount(0);
	await page.goto(`${record}?visibility=staff_only`);
	const pages = page.locator('a[rel="next"]');
	for (;;) {
		if (await page.getByRole('heading', { name: title }).count()) break;
		expect(await pages.count(), 'the item is listed under "Staff only"').toBeGreaterThan(0);
		await pages.first().click();
	}
});

test('on a desktop, staff pages use the width; on a phone, nothing changes', async ({ page }) => {
	await as(page, 'sam.okafor');
	const write = `/children/${mayaChildId()}/record/new`;
	await page.setViewportSize({ width: 1440, height: 900 });
	await page.goto(write);
	const form = page.locator('form.entry-form');
	const newest = page.getByTestId('newest-entries');
	await expect(newest).toBeVisible();
	await expect(newest.locator('article').first()).toBeVisible();
	const [f, n] = [(await form.boundingBox())!, (await newest.boundingBox())!];
	expect(n.x, 'the record beside the form').toBeGreaterThanOrEqual(f.x + f.width);
	expect(Math.abs(n.y - f.y)).toBeLessThan(5);
	const main = (await page.locator('main').boundingBox())!;
	expect(main.width, 'wider than the old 64rem column').toBeGreaterThan(1200);

	// A disagreement: the disputed entry beside the child's words.
	await page.goto('/disagreements');
	await page.locator('tbody a').first().click();
	const disputed = page.getByTestId('disputed-entry');
	const words = page.locator('.child-words');
	const [d, c] = [(await disputed.boundingBox())!, (await words.boundingBox())!];
	expect(c.x).toBeGreaterThanOrEqual(d.x + d.width);

	// A phone: one column, and nothing to look across at.
	await page.setViewportSize({ width: 412, height: 900 });
	const [d2, c2] = [(await disputed.boundingBox())!, (await words.boundingBox())!];
	expect(c2.y).toBeGreaterThanOrEqual(d2.y + d2.height);
	await page.goto(write);
	await expect(newest).toBeHidden();
	expect((await page.locator('main').boundingBox())!.width).toBeLessThanOrEqual(412);
});
