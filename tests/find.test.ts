import { expect, test } from './fixtures/test';
import { baseURL } from './fixtures/env';
import { maya, sessionCookie } from './fixtures/server';
import { readMessages } from '../src/tooling/messages';

// Issue 14, "What people stumbled on", item 3: new things are hard to find. After adding a
// memory Maya landed on page 1 of "My story" (2013) with hers pages later, and "My record" is four
// long pages. Without JavaScript, on a phone.

const phone = { width: 412, height: 915 };
const tag = () => Math.random().toString(36).slice(2, 8);
const ar = readMessages('messages', 'ar');

test.use({ javaScriptEnabled: false, viewport: phone });

test('after adding a memory, Maya lands on it, on the page that holds it, with a kind word', async ({
	page
}) => {
	await page.context().addCookies([sessionCookie(maya())]);
	const title = `My swimming medal ${tag()}`;
	await page.goto('/me/story/new?kind=memory');
	await page.getByLabel('What is it?').fill(title);
	await page.getByLabel('What does it mean to you?').fill('I came second.');
	await page.getByLabel('Date').fill('2026-06');
	await page.getByRole('button', { name: 'Send', exact: true }).click();
	await expect(page).toHaveURL(/\/me\/story\?.*sent=.*#entry-/);
	const card = page.locator('article', { hasText: title });
	await expect(card).toBeInViewport();
	await expect(card.getByRole('status')).toHaveText('Sent. Thank you. Here it is in your story.');
	// Not the first page: her story starts years before this.
	await expect(page.locator('a[rel="prev"]')).toHaveCount(1);
});

for (const path of ['/me/story', '/me/record']) {
	test(`${path} reads newest first when asked, earliest first otherwise, and jumps to a year`, async ({
		page
	}) => {
		await page.context().addCookies([sessionCookie(maya())]);
		await page.goto(path);
		const find = page.getByRole('navigation', { name: 'Find something' });
		await expect(find.getByRole('link', { name: 'Oldest first' })).toHaveAttribute(
			'aria-current',
			'true'
		);
		const years = (await find.locator('.year-list a').allTextContents()).map(Number);
		expect(years.length).toBeGreaterThan(4);
		expect(years).toEqual([...years].sort((a, b) => a - b));
		const dates = () => page.locator('main .entry-when').allInnerTexts();
		const firstOldest = (await dates())[0];

		await find.getByRole('link', { name: 'Newest first' }).click();
		await expect(page).toHaveURL(/order=newest/);
		await expect(find.getByRole('link', { name: 'Newest first' })).toHaveAttribute(
			'aria-current',
			'true'
		);
		const newestYears = (await find.locator('.year-list a').allTextContents()).map(Number);
		expect(newestYears).toEqual([...years].reverse());
		expect((await dates())[0]).not.toBe(firstOldest);
		expect((await dates()).join(' ')).toContain(String(newestYears[0]));
		// Paging keeps the order.
		await expect(page.locator('a[rel="next"]')).toHaveAttribute('href', /order=newest/);

		// A year in the middle: the page it starts on, scrolled to it.
		const year = newestYears[Math.floor(newestYears.length / 2)]!;
		await find.getByText('Go to a year').click();
		await find.getByRole('link', { name: String(year), exact: true }).click();
		await expect(page).toHaveURL(new RegExp(`order=newest.*#year-${year}$`));
		await expect(page.locator(`#year-${year}`)).toBeInViewport();
		await expect(page.locator(`#year-${year} .entry-when`).first()).toContainText(String(year));
	});
}

test('in Arabic on a phone, the order and the years fit the screen', async ({ page }) => {
	await page
		.context()
		.addCookies([sessionCookie(maya()), { name: 'waymark-lang', value: 'ar', url: baseURL }]);
	for (const path of ['/me/story', '/me/record?order=newest']) {
		await page.goto(path);
		const find = page.getByRole('navigation', { name: ar['space.find.label'] });
		await expect(find.getByRole('link', { name: ar['space.find.newest'] })).toBeVisible();
		await find.getByText(ar['space.find.year']!).click();
		await expect(find.getByRole('link', { name: '2019', exact: true })).toBeVisible();
		const overflow = await page.evaluate(
			() => document.documentElement.scrollWidth - document.documentElement.clientWidth
		);
		expect(overflow, path).toBeLessThanOrEqual(0);
	}
});
