import { eq } from 'drizzle-orm';
import { expect, test } from './fixtures/test';
import { e2eDb, mayaChildId, sessionCookie, userIdOf } from './fixtures/server';
import { childProfile, entry, user } from '../src/lib/server/db/schema';
import { finalEntry } from '../src/lib/server/test/factories';
import { today } from '../src/lib/server/dates/day';

// The advocate (issue 14, item 7): writes Maya's views with her from their own account, is
// offered only the filters that can show them something, and reads what staff share with Maya
// only while she lets them.

const advocateId = () => userIdOf('alex.morgan');

function sharedEntry(title: string) {
	const worker = e2eDb().select().from(user).where(eq(user.username, 'sam.okafor')).get()!;
	return finalEntry(e2eDb(), worker, mayaChildId(), {
		title,
		// Today: the last page of the record, which runs earliest first.
		eventDate: today(),
		body: { doc: { type: 'doc', content: [] }, text: 'Maya went swimming.' }
	});
}

function letAdvocateRead(sees: boolean) {
	e2eDb()
		.update(childProfile)
		.set({ advocateSeesRecord: sees })
		.where(eq(childProfile.id, mayaChildId()))
		.run();
}

test('the advocate writes Maya’s views with her; Maya sees them as her own words, her key worker in the inbox', async ({
	page,
	newContext
}) => {
	await page.context().addCookies([sessionCookie(advocateId())]);
	await page.goto(`/children/${mayaChildId()}`);
	await page.getByRole('link', { name: 'Write views with Maya' }).click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Write views with Maya');
	// Nothing typed: the form comes back with a clear message, nothing lost.
	await page.getByRole('button', { name: 'Send the views' }).click();
	await expect(page.getByRole('alert')).toBeVisible();
	const words = `I want to see my brother every week ${Date.now()}.`;
	await page.getByLabel('What do I want to happen?').fill(words);
	// "Just me" is what Maya writes alone, in her own space.
	await expect(page.getByRole('radio', { name: 'Just me' })).toHaveCount(0);
	await page.getByRole('radio', { name: 'Put it in my record' }).check();
	await page.getByRole('button', { name: 'Send the views' }).click();
	await expect(page.getByRole('status')).toHaveText('Maya’s views were sent.');

	const maya = await newContext();
	await maya.addCookies([sessionCookie(userIdOf('maya'))]);
	const mayaPage = await maya.newPage();
	await mayaPage.goto('/me/views');
	const card = mayaPage.locator('article', { hasText: words });
	await expect(card).toContainText('You wrote this with help from Alex Morgan');

	// The key worker finds it in the inbox, and reads whose words they are.
	const sent = e2eDb()
		.select()
		.from(entry)
		.where(eq(entry.kind, 'view'))
		.all()
		.find((e) => e.details?.answers?.want === words)!;
	expect(sent).toMatchObject({ status: 'final', visibility: 'record', sourceKind: 'helped' });
	const worker = await newContext();
	await worker.addCookies([sessionCookie(userIdOf('sam.okafor'))]);
	const inbox = await worker.newPage();
	await inbox.goto('/inbox');
	await expect(inbox.locator(`a[href$="/record/${sent.id}"]`)).toHaveCount(1);
	await inbox.goto(`/children/${mayaChildId()}/record/${sent.id}`);
	await expect(inbox.locator('main')).toContainText(words);
	await expect(inbox.locator('main')).toContainText(
		'The child’s words, written with help from Alex Morgan'
	);
});

test('the advocate is offered no filter that could never show them anything', async ({
	page,
	newContext
}) => {
	await page.context().addCookies([sessionCookie(advocateId())]);
	await page.goto(`/children/${mayaChildId()}/record`);
	await expect(page.locator('select[name="kind"]')).toBeVisible();
	await expect(page.locator('select[name="visibility"]')).toHaveCount(0);
	const staff = await newContext();
	await staff.addCookies([sessionCookie(userIdOf('sam.okafor'))]);
	const workerPage = await staff.newPage();
	await workerPage.goto(`/children/${mayaChildId()}/record`);
	await expect(workerPage.locator('select[name="visibility"] option')).toHaveText([
		'Any',
		'Shared with the child',
		'Staff only',
		'Confidential section'
	]);
});

test('Maya stops her advocate reading her record, and lets them again', async ({
	page,
	newContext
}) => {
	const entry = sharedEntry(`Swimming gala ${Date.now()}`);
	const advocate = await newContext();
	await advocate.addCookies([sessionCookie(advocateId())]);
	const advocatePage = await advocate.newPage();
	const record = `/children/${mayaChildId()}/record?page=999`;
	try {
		await advocatePage.goto(record);
		await expect(advocatePage.locator(`#entry-${entry.id}`)).toHaveCount(1);

		await page.context().addCookies([sessionCookie(userIdOf('maya'))]);
		await page.goto('/me/who-looked');
		const panel = page.getByRole('region', { name: 'Your advocate' });
		await expect(panel).toContainText('Alex Morgan is your advocate.');
		await expect(panel).toContainText('Your advocate can read what your workers share with you.');
		await panel.getByRole('button', { name: 'Stop my advocate reading it' }).click();
		await expect(page.getByRole('status')).toHaveText('Done. Your choice is saved.');
		await expect(panel).toContainText('Your advocate can only see the things you choose');

		await advocatePage.goto(record);
		await expect(advocatePage.locator(`#entry-${entry.id}`)).toHaveCount(0);
		await expect(advocatePage.locator('body')).toContainText(
			'Maya has chosen not to share their record with their advocate.'
		);
		// Not through the entry's own page or its data either.
		const direct = await advocatePage.request.get(
			`/children/${mayaChildId()}/record/${entry.id}/__data.json`
		);
		expect(await direct.text()).not.toContain('Swimming gala');

		await panel.getByRole('button', { name: 'Let my advocate read it' }).click();
		await advocatePage.goto(record);
		await expect(advocatePage.locator(`#entry-${entry.id}`)).toHaveCount(1);
	} finally {
		letAdvocateRead(true);
	}
});
