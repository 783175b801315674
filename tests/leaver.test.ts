import { eq } from 'drizzle-orm';
import { expect, test } from './fixtures/test';
import { demoSignIns, e2eDb, sessionCookie, userIdOf } from './fixtures/server';
import { childProfile, user } from '../src/lib/server/db/schema';
import { assignTo, makeChild } from '../src/lib/server/test/factories';
import { today } from '../src/lib/server/dates/day';

// Issue 15, parts 1 and 2: Jordan, the demo care leaver, comes back to their record on a phone,
// calmly and at their own pace; and a social worker moves a child on to care leaver.

const phone = { width: 412, height: 915 };

test('Jordan reads their record by chapters on a phone, with notes before the hard parts, without JavaScript', async ({
	newContext
}) => {
	const context = await newContext({ viewport: phone, javaScriptEnabled: false });
	await context.addCookies([sessionCookie(userIdOf(demoSignIns()['care-leaver'].username))]);
	const page = await context.newPage();

	// Home: what changed and what stays, in plain words; a break one tap away.
	await page.goto('/me');
	await expect(page.getByRole('heading', { name: /You left care on/ })).toBeVisible();
	await expect(page.getByText(/Nothing is lost/)).toBeVisible();
	const takeBreak = page.getByRole('link', { name: 'Take a break' });
	await expect(takeBreak).toBeInViewport();

	// The record by chapters, one year at a time, from their birth.
	await page.getByRole('link', { name: /My record, bit by bit/ }).click();
	await expect(page).toHaveURL(/\/me\/chapters$/);
	await page.getByRole('link', { name: /^2003/ }).click();
	await expect(page.getByRole('heading', { name: 'Jordan is born' })).toBeVisible();
	await page.getByRole('link', { name: 'On to 2010' }).click();

	// Why they came into care: the note first, the words only when they choose.
	const why = page.locator('article', { hasText: 'This part is about why you came into care' });
	await expect(why).toBeVisible();
	await expect(why.getByText(/on their own for two days/)).toBeHidden();
	await expect(why.getByRole('heading', { name: 'Why Jordan came into care' })).toBeHidden();
	await why.getByText('Read it now').click();
	await expect(why.getByText(/on their own for two days/)).toBeVisible();
	// What their grandmother said, without her permission, is never theirs to see.
	await expect(page.getByText(/grandmother/)).toHaveCount(0);

	// "Read it with someone": their personal adviser, and helplines for their age.
	await why.getByRole('link', { name: 'Read it with someone' }).click();
	await expect(page).toHaveURL(/\/me\/break#someone$/);
	await expect(page.getByText('Dee Walsh').first()).toBeVisible();
	await expect(page.getByRole('link', { name: /Call Become/ })).toBeVisible();
	await expect(page.getByRole('link', { name: /Call Samaritans/ })).toBeVisible();
	await expect(page.getByRole('link', { name: /Call Childline/ })).toHaveCount(0);

	// Waymark kept where they stopped.
	await page.goto('/me/chapters');
	await expect(page.getByRole('link', { name: 'Carry on from 2010' })).toBeVisible();

	// Nothing hard by surprise on the other pages either: the note shows, the words wait.
	for (const path of ['/me/record', '/me/story']) {
		await page.goto(path);
		const hidden = page.getByText(/on their own for two days/);
		if (await hidden.count()) await expect(hidden.first(), path).toBeHidden();
	}

	// Calm mode is theirs to turn off (the break link goes) and on again.
	await page.goto('/me/break');
	await page.getByRole('button', { name: 'Turn calm mode off' }).click();
	await expect(page.getByText('Calm mode is off.')).toBeVisible();
	await page.goto('/me');
	await expect(page.getByRole('link', { name: 'Take a break' })).toHaveCount(0);
	await page.goto('/me/break');
	await page.getByRole('button', { name: 'Turn calm mode on' }).click();
	await page.goto('/me');
	await expect(page.getByRole('link', { name: 'Take a break' })).toBeVisible();
});

test('a social worker moves a child on to care leaver; the child is told what changes and what stays', async ({
	page
}) => {
	const db = e2eDb();
	const priya = db
		.select()
		.from(user)
		.where(eq(user.username, demoSignIns()['social-worker'].username))
		.get()!;
	const child = makeChild(db, priya.organisationId, { teamId: priya.unitId });
	assignTo(db, priya, child.profile.id, 'social_worker');
	// A child who has chosen their passphrase already (sessions below are made directly).
	db.update(user)
		.set({ passwordHash: 'not-used-by-this-test' })
		.where(eq(user.id, child.account!.id))
		.run();

	await page.setViewportSize(phone);
	await page.context().addCookies([sessionCookie(priya.id)]);
	await page.goto(`/children/${child.profile.id}`);
	await page.getByRole('link', { name: /on to care leaver/ }).click();
	await expect(page.getByRole('heading', { name: 'What stays' })).toBeVisible();
	await page.getByLabel('Day they left care').fill(today());
	await page.getByRole('button', { name: /Move .* on/ }).click();
	await expect(page).toHaveURL(new RegExp(`/children/${child.profile.id}`));
	await expect(page.getByText(/has been a care leaver since/)).toBeVisible();
	const profile = db
		.select()
		.from(childProfile)
		.where(eq(childProfile.id, child.profile.id))
		.get()!;
	expect(profile.leftCareOn).toBe(today());

	await page.context().clearCookies();
	await page.context().addCookies([sessionCookie(child.account!.id)]);
	await page.goto('/me');
	await expect(page.getByRole('heading', { name: /You left care on/ })).toBeVisible();
	await expect(page.getByRole('link', { name: 'Take a break' })).toBeVisible();
});
