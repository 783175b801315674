import { eq } from 'drizzle-orm';
import { expect, test } from './fixtures/test';
import { e2eDb, maya, mayaChildId, sessionCookie, userIdOf } from './fixtures/server';
import { user } from '../src/lib/server/db/schema';
import { actorFor } from '../src/lib/server/test/factories';
import { scheduleMeeting } from '../src/lib/server/space/meetings';
import { readMessages } from '../src/tooling/messages';

// Issue 14, "What people stumbled on", item 4: views sent from "Get ready for it" did not say
// which review they were for, on "My views" or in the staff inbox, where three identical "Maya:
// My views" lines had to be opened one by one.

test.describe.configure({ mode: 'serial' });
test.use({ javaScriptEnabled: false, viewport: { width: 412, height: 915 } });

const tag = () => Math.random().toString(36).slice(2, 8);
const ar = readMessages('messages', 'ar');
const forReview = 'For: Looked-after review on 24 December 2098.';
let meetingId = '';
const said: string[] = [];

test('views sent from "Get ready for it" say on the card which review they are for', async ({
	page
}) => {
	const worker = e2eDb().select().from(user).where(eq(user.username, 'sam.okafor')).get()!;
	meetingId = scheduleMeeting(e2eDb(), actorFor(e2eDb(), worker), mayaChildId(), {
		kind: 'looked_after_review',
		title: '',
		date: '2098-12-24',
		time: '10:00',
		chairedBy: 'Helen Price, IRO'
	}).id;
	await page.context().addCookies([sessionCookie(maya())]);
	for (let i = 0; i < 2; i++) {
		const words = `I want more time with Leo ${tag()}`;
		said.push(words);
		await page.goto('/me/views');
		await page
			.locator('.meetings li', { hasText: '2098' })
			.getByRole('link', { name: 'Get ready for it' })
			.click();
		await page.getByLabel('What do I want to happen?').fill(words);
		await page.getByRole('button', { name: 'Send', exact: true }).click();
		const card = page.locator('article', { hasText: words });
		await expect(card).toBeInViewport();
		await expect(card.locator('.entry-for')).toHaveText(forReview);
	}
	// A view written without a review says nothing of one.
	await page.goto('/me/views/new');
	const alone = `Just my views ${tag()}`;
	await page.getByLabel('What do I want to happen?').fill(alone);
	await page.getByRole('button', { name: 'Send', exact: true }).click();
	await expect(page.locator('article', { hasText: alone }).locator('.entry-for')).toHaveCount(0);

	// In Arabic too: Maya's own saved choice, which comes before this browser's once signed in.
	e2eDb().update(user).set({ locale: 'ar' }).where(eq(user.id, maya())).run();
	try {
		await page.goto('/me/views');
		await expect(page.locator('article', { hasText: said[0] }).locator('.entry-for')).toContainText(
			ar['space.views.for']!.split('{{')[0]!.trim()
		);
	} finally {
		e2eDb().update(user).set({ locale: null }).where(eq(user.id, maya())).run();
	}
});

test("the key worker's inbox says which review each view is for, and the review page has them together", async ({
	page
}) => {
	await page.context().addCookies([sessionCookie(userIdOf('sam.okafor'))]);
	await page.goto('/inbox');
	for (const words of said) expect(words).toBeTruthy();
	const ours = page.locator('.inbox li', { hasText: forReview });
	await expect(ours).toHaveCount(2);
	await ours.first().getByRole('link', { name: forReview }).click();
	await expect(page).toHaveURL(new RegExp(`/meetings#meeting-${meetingId}$`));
	const review = page.locator(`#meeting-${meetingId}`);
	await expect(review).toBeInViewport();
	await expect(review).toContainText('Views sent for it:');
	await expect(review.locator('.meeting-views li')).toHaveCount(2);
	// Each opens the view itself, with the review named on it.
	await review.locator('.meeting-views a').first().click();
	await expect(page.locator('main')).toContainText(said[0]!);
	await expect(page.locator('.entry-for')).toHaveText(forReview);
});
