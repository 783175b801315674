import type { Page } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { expect, test } from './fixtures/test';
import { baseURL, maya, mayaChildId, sessionCookie, userIdOf } from './fixtures/server';

/** Issue 14: what staff stumbled on, each checked the way they stumbled. */
test.describe.configure({ mode: 'serial' });

async function as(page: Page, username: string) {
	await page.context().clearCookies();
	await page.context().addCookies([sessionCookie(userIdOf(username))]);
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
