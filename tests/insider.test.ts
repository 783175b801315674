import { and, eq } from 'drizzle-orm';
import { strFromU8, unzipSync } from 'fflate';
import AxeBuilder from '@axe-core/playwright';
import type { APIRequestContext, BrowserContext, Page } from '@playwright/test';
import { expect, test } from './fixtures/test';
import {
	cookieName,
	demoSignIns,
	e2eDb,
	mayaChildId,
	sessionCookie,
	userIdOf
} from './fixtures/server';
import { passSecondFactor, signIn } from './fixtures/pages';
import { hashPassword } from '../src/lib/server/auth/password';
import { entry, media, user } from '../src/lib/server/db/schema';
import {
	actorFor,
	childEntryInput,
	makeOrganisation,
	makeUser
} from '../src/lib/server/test/factories';
import { createChildDraft } from '../src/lib/server/space/child-entries';

/**
 * Issue 12: a worker (or an administrator) makes a one-time sign-in code for Maya and signs in
 * with it as her. Before: a full session that read her "just me" card from Mum. Now: a new
 * passphrase first; then her "just me" things and her drafts are hidden by every path for a day,
 * her home page tells her, "Who has looked" shows the code, and her old passphrase unseals.
 */
test.describe.configure({ mode: 'serial' });

const justMeTitle = 'The card Mum made me';
const justMeWords = 'She drew the heart herself';
const newPassphrase = 'somebody else typed this';

type Saved = Pick<typeof user.$inferSelect, 'passwordHash'>;
let saved: Saved | undefined;
let draftId: string | undefined;
const draftTitle = `A draft only Maya sees ${Math.random().toString(36).slice(2, 8)}`;

const mayaRow = () =>
	e2eDb()
		.select()
		.from(user)
		.where(eq(user.id, userIdOf(demoSignIns().child.username)))
		.get()!;

/** Her "just me" memory and its photo, from the demo. */
function justMe() {
	const db = e2eDb();
	const row = db
		.select()
		.from(entry)
		.where(and(eq(entry.childId, mayaChildId()), eq(entry.title, justMeTitle)))
		.get()!;
	const photo = db.select().from(media).where(eq(media.entryId, row.id)).get()!;
	return { entryId: row.id, mediaId: photo.id };
}

test.beforeEach(() => {
	const maya = mayaRow();
	saved = { passwordHash: maya.passwordHash };
	draftId = createChildDraft(
		e2eDb(),
		actorFor(e2eDb(), maya),
		childEntryInput({ title: draftTitle, visibility: 'workers' })
	).id;
});

/** Maya's passphrase back as the demo made it, nothing sealed, the test's draft gone. */
test.afterEach(() => {
	const db = e2eDb();
	db.update(user)
		.set({ ...saved, previousPasswordHash: null, privateSealedUntil: null })
		.where(eq(user.id, mayaRow().id))
		.run();
	if (draftId)
		db.delete(entry)
			.where(and(eq(entry.id, draftId), eq(entry.status, 'draft')))
			.run();
});

async function makeCode(context: BrowserContext, staffUsername: string): Promise<string> {
	await context.addCookies([sessionCookie(userIdOf(staffUsername))]);
	const page = await context.newPage();
	await page.goto(`/children/${mayaChildId()}/sign-in-code`);
	await page.getByRole('button', { name: 'Make a code' }).click();
	return (await page.getByTestId('sign-in-code').textContent())!.trim();
}

async function signInWithCode(page: Page, code: string) {
	await page.goto('/sign-in/code');
	await page.getByLabel('Username').fill(demoSignIns().child.username);
	await page.getByLabel('Code').fill(code);
	await page.getByRole('button', { name: 'Sign in' }).click();
	await expect(page).toHaveURL(/\/passphrase$/);
}

async function setPassphrase(page: Page) {
	await page.getByLabel('New passphrase').fill(newPassphrase);
	await page.getByLabel('Type it again').fill(newPassphrase);
	await page.getByRole('button', { name: 'Save my passphrase' }).click();
	await expect(page).toHaveURL(/\/me$/);
}

/** Everything the account can reach that might hold her private things, as text or bytes. */
async function whatTheAccountSees(page: Page, request: APIRequestContext) {
	const texts: Record<string, string> = {};
	for (const path of ['/me', '/me/story', '/me/views', '/me/record', '/me/disagreements']) {
		const response = await page.goto(path);
		expect(response?.status(), path).toBe(200);
		texts[path] = await page.content();
	}
	const zip = await request.get('/me/export');
	expect(zip.status()).toBe(200);
	const files = unzipSync(new Uint8Array(await zip.body()));
	texts['/me/export'] = strFromU8(files['record.json']!) + strFromU8(files['record.html']!);
	const { mediaId } = justMe();
	const photo = await request.get(`/api/media/${mediaId}/display`, { maxRedirects: 0 });
	const draft = await request.get(`/me/drafts/${draftId}`, { maxRedirects: 0 });
	return {
		texts,
		exportedFiles: Object.keys(files),
		photo: { status: photo.status(), bytes: await photo.body() },
		draft: { status: draft.status(), text: await draft.text() }
	};
}

test('a key worker signs in as Maya with a code: a new passphrase first, her "just me" things and drafts hidden everywhere, she is told, and her old passphrase brings them back', async ({
	newContext,
	page
}) => {
	test.setTimeout(120_000);
	const staff = demoSignIns()['key-worker'].username;
	const staffName = e2eDb().select().from(user).where(eq(user.username, staff)).get()!.displayName;
	const code = await makeCode(await newContext(), staff);

	await signInWithCode(page, code);
	// Nothing of hers until a new passphrase is set (the old way: "Not now", and straight in).
	await expect(page.getByRole('link', { name: 'Not now' })).toHaveCount(0);
	const { mediaId } = justMe();
	for (const path of [
		'/',
		'/me',
		'/me/story',
		'/me/views',
		'/me/record',
		'/me/who-looked',
		'/me/help',
		'/me/disagreements',
		'/me/export',
		`/me/drafts/${draftId}`,
		'/account/password'
	]) {
		const response = await page.request.get(path, { maxRedirects: 0 });
		expect(response.status(), path).toBe(303);
		expect(response.headers()['location'], path).toBe('/passphrase');
	}
	const photoBefore = await page.request.get(`/api/media/${mediaId}/display`);
	expect(photoBefore.status()).toBe(401);

	await setPassphrase(page);
	const sealed = await whatTheAccountSees(page, page.request);
	for (const [path, text] of Object.entries(sealed.texts)) {
		expect(text, path).not.toContain(justMeTitle);
		expect(text, path).not.toContain(justMeWords);
		expect(text, path).not.toContain(draftTitle);
	}
	expect(sealed.exportedFiles).not.toContain(`media/${mediaId}.webp`);
	expect(sealed.photo.status).toBe(403);
	expect(sealed.draft.status).toBe(404);
	expect(sealed.draft.text).not.toContain(draftTitle);
	// What is not private is still there: the export has her other things.
	expect(sealed.texts['/me/export']).toContain('Biscuit');

	// Her home page tells her who made the code, when it was used, and until when things are hidden.
	await page.goto('/me');
	const notice = page.getByRole('region', { name: 'Someone used a sign-in code' });
	await expect(notice).toContainText(`${staffName} (Key worker) made a sign-in code for you.`);
	await expect(notice).toContainText('It was used on');
	await expect(notice).toContainText('things are hidden until');
	await expect(notice.getByRole('link', { name: 'I need to talk to someone' })).toHaveAttribute(
		'href',
		'/me/help'
	);
	const results = await new AxeBuilder({ page })
		.withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'])
		.analyze();
	expect(results.violations.map((v) => v.id)).toEqual([]);

	// "Who has looked at my record" shows the code made, and the code used.
	await page.goto('/me/who-looked');
	await expect(
		page.getByText(`${staffName} (Key worker) made a sign-in code for you.`).first()
	).toBeVisible();
	await expect(
		page.getByText('Someone signed in as you with a sign-in code.').first()
	).toBeVisible();

	// Her old passphrase: a wrong one is refused; the right one shows her things at once.
	await page.goto('/me');
	await page.getByLabel('Your old passphrase').fill('not my old one at all');
	await page.getByRole('button', { name: 'Show my things' }).click();
	await expect(page.getByText('That is not your old passphrase.')).toBeVisible();
	await page.getByLabel('Your old passphrase').fill(demoSignIns().child.password);
	await page.getByRole('button', { name: 'Show my things' }).click();
	await expect(page.getByRole('status')).toContainText('things are back');
	await expect(page.getByLabel('Your old passphrase')).toHaveCount(0);
	const after = await whatTheAccountSees(page, page.request);
	expect(after.texts['/me/export']).toContain(justMeTitle);
	expect(after.exportedFiles).toContain(`media/${mediaId}.webp`);
	expect(after.texts['/me/story']).toContain(draftTitle);
	expect(after.photo.status).toBe(200);
	expect(after.draft.status).toBe(200);
	expect(after.draft.text).toContain(draftTitle);
});

test('the same attack by the administrator: hidden too, and the old passphrase no longer signs in', async ({
	newContext,
	page
}) => {
	test.setTimeout(120_000);
	const code = await makeCode(await newContext(), demoSignIns().admin.username);
	await signInWithCode(page, code);
	await page.goto('/me/story');
	await expect(page).toHaveURL(/\/passphrase$/);
	await setPassphrase(page);
	const sealed = await whatTheAccountSees(page, page.request);
	for (const [path, text] of Object.entries(sealed.texts)) {
		expect(text, path).not.toContain(justMeTitle);
		expect(text, path).not.toContain(draftTitle);
	}
	expect(sealed.photo.status).toBe(403);
	expect(sealed.draft.status).toBe(404);
	await page.goto('/me');
	await expect(page.getByRole('region', { name: 'Someone used a sign-in code' })).toContainText(
		'(Administrator) made a sign-in code for you.'
	);

	// Maya notices: her own passphrase does not work any more.
	const tablet = await newContext();
	const mine = await tablet.newPage();
	await mine.goto('/sign-in');
	await mine.getByLabel('Username').fill(demoSignIns().child.username);
	await mine.getByLabel('Passphrase or password').fill(demoSignIns().child.password);
	await mine.getByRole('button', { name: 'Sign in' }).click();
	await expect(mine.getByRole('alert')).toContainText('do not match');
});

test('a staff token seen before the second factor is useless after it', async ({
	page,
	request
}) => {
	const db = e2eDb();
	const password = 'a long staff password for this test';
	const staff = makeUser(db, makeOrganisation(db).id, 'key_worker', {
		passwordHash: await hashPassword(password)
	});
	await signIn(page, staff.username, password);
	const before = (await page.context().cookies()).find((c) => c.name === cookieName)!.value;
	await passSecondFactor(page);
	await expect(page).toHaveURL(/\/children$/);
	const after = (await page.context().cookies()).find((c) => c.name === cookieName)!.value;
	expect(after).not.toBe(before);
	const old = await request.get('/children', {
		headers: { cookie: `${cookieName}=${before}` },
		maxRedirects: 0
	});
	expect(old.status()).toBe(303);
	expect(old.headers()['location']).toBe('/sign-in');
});
