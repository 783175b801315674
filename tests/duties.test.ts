import { expect, test } from './fixtures/test';
import type { BrowserContext, BrowserContextOptions, Page } from '@playwright/test';
import { and, eq } from 'drizzle-orm';
import { accessLog, assignment, user } from '../src/lib/server/db/schema';
import {
	baseURL,
	demoSignIns,
	e2eDb,
	mayaChildId,
	sessionCookie,
	userIdOf
} from './fixtures/server';
import { passSecondFactor, signIn } from './fixtures/pages';
import AxeBuilder from '@axe-core/playwright';

/**
 * Issue 12: an administrator must not be able to make themselves a worker. The administrator
 * makes a key worker and a manager of their own, and tries every way through; the demo manager
 * approves in the end. Everything made here is ended and disabled afterwards, so that the other
 * files, which share this server, see the demo as it was.
 */
test.describe.configure({ mode: 'serial' });

const stamp = Date.now().toString(36);
const worker = { name: `Eve Mallory ${stamp}`, username: `eve.${stamp}` };
const manager = { name: `Mo Mallory ${stamp}`, username: `mo.${stamp}` };

type NewContext = (options?: BrowserContextOptions) => Promise<BrowserContext>;

async function as(newContext: NewContext, username: string): Promise<Page> {
	const context = await newContext();
	await context.addCookies([sessionCookie(userIdOf(username))]);
	return context.newPage();
}

/** The administrator makes a staff account through the form and reads its temporary password. */
async function makeAccount(page: Page, role: string, who: { name: string; username: string }) {
	await page.goto('/accounts/new');
	await page.getByLabel('Role').selectOption({ label: role });
	await page.getByLabel('Name', { exact: true }).fill(who.name);
	await page.getByLabel('Username').fill(who.username);
	await page.getByLabel('Home or team').selectOption({ label: 'Oak House' });
	await page.getByRole('button', { name: 'Make account' }).click();
	await expect(page.getByRole('status')).toContainText(`Account made for ${who.name}`);
	return (await page.getByTestId('temporary-password').textContent())!.trim();
}

/** These pages' new parts (a waiting assignment, the new manager's list) are seen nowhere else. */
async function expectNoAxeViolations(page: Page) {
	const results = await new AxeBuilder({ page })
		.withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'])
		.analyze();
	expect(results.violations.map((v) => `${page.url()}: ${v.id} ${v.help}`)).toEqual([]);
}

/** A form post from this site, as the browser would send it (403 or 404 when refused). */
async function post(page: Page, path: string, form: Record<string, string>) {
	const response = await page.request.post(path, {
		form,
		headers: { origin: baseURL, accept: 'text/html' },
		maxRedirects: 0
	});
	return response.status();
}

/** Maya's "Your workers" in Arabic on a 412 px phone: the name kept whole in <bdi>, nothing wider. */
async function checkInArabicOnAPhone(newContext: NewContext, name: string) {
	const mayaId = userIdOf(demoSignIns().child.username);
	e2eDb().update(user).set({ locale: 'ar' }).where(eq(user.id, mayaId)).run();
	try {
		const context = await newContext({ viewport: { width: 412, height: 915 } });
		await context.addCookies([sessionCookie(mayaId)]);
		const page = await context.newPage();
		await page.goto('/me');
		await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
		const item = page.getByRole('listitem').filter({ hasText: name });
		await expect(item.locator('bdi')).toHaveText([name, 'مشرف رئيسي']);
		const width = await page.evaluate(() => document.documentElement.scrollWidth);
		expect(width).toBeLessThanOrEqual(412);
		await expectNoAxeViolations(page);
		await page.screenshot({ path: test.info().outputPath('me-ar-412.png'), fullPage: true });
		await context.close();
	} finally {
		// Other test files expect Maya in English, as the demo makes her.
		e2eDb().update(user).set({ locale: null }).where(eq(user.id, mayaId)).run();
	}
}

test('an administrator cannot make themselves a worker, nor a manager who reads the record', async ({
	newContext
}) => {
	test.setTimeout(120_000);
	const childId = mayaChildId();
	const assignments = `/children/${childId}/assignments`;

	// 1. The administrator makes a key worker, and cannot assign it to Maya.
	const admin = await as(newContext, demoSignIns().admin.username);
	await makeAccount(admin, 'Key worker', worker);
	const workerId = userIdOf(worker.username);
	expect((await admin.goto(assignments))!.status()).toBe(403);
	expect(await post(admin, `${assignments}?/add`, { userId: workerId })).toBe(403);
	await admin.goto(`/accounts/${userIdOf(demoSignIns().child.username)}`);
	await expect(admin.getByRole('link', { name: 'Workers and advocate' })).toHaveCount(0);
	const rows = e2eDb().select().from(assignment).where(eq(assignment.userId, workerId)).all();
	expect(rows).toEqual([]);

	// 2. ...so they make a manager in Maya's home, and sign in as it, as its new owner would.
	const password = await makeAccount(admin, 'Manager', manager);
	const mo = await (await newContext()).newPage();
	await signIn(mo, manager.username, password);
	await passSecondFactor(mo);
	await mo.getByLabel('Current password').fill(password);
	await mo.getByLabel('New password', { exact: true }).fill(`a long new one ${stamp}`);
	await mo.getByLabel('New password again').fill(`a long new one ${stamp}`);
	await mo.getByRole('button', { name: 'Change password' }).click();
	await expect(mo).toHaveURL(/\/unit$/);

	// No child's record, profile or confidential item is readable by a new manager.
	for (const path of [
		`/children/${childId}`,
		`/children/${childId}/record`,
		`/children/${childId}/profile`,
		`/children/${childId}/meetings`,
		`/children/${childId}/sign-in-code`
	]) {
		expect((await mo.goto(path))!.status(), path).toBe(403);
	}
	await mo.goto('/confidential');
	await expect(mo.getByRole('main')).not.toContainText('Maya');
	await mo.goto('/inbox');
	await expect(mo.getByRole('main')).not.toContainText('Maya');

	// It may assign workers; the assignment waits for another manager and gives nothing.
	await mo.goto('/children');
	await expectNoAxeViolations(mo);
	await mo.getByRole('link', { name: 'Assign workers to Maya' }).click();
	await expect(mo).toHaveURL(new RegExp(`${assignments}$`));
	await mo.getByLabel('Person').selectOption({ label: `${worker.name} (Key worker)` });
	await mo.getByRole('button', { name: 'Assign', exact: true }).click();
	await expect(mo.getByRole('status')).toContainText('not in force yet');
	const waitingRow = mo.getByRole('row', { name: new RegExp(worker.name) });
	await expect(waitingRow).toContainText('Waiting for another manager to approve');
	await expect(waitingRow.getByRole('button', { name: /Approve/ })).toHaveCount(0);
	const waiting = e2eDb()
		.select()
		.from(assignment)
		.where(and(eq(assignment.userId, workerId), eq(assignment.childId, childId)))
		.get()!;
	expect(waiting.awaitingApproval).toBe(true);
	expect(await post(mo, `${assignments}?/approve`, { assignmentId: waiting.id })).toBe(403);

	// The administrator knows the worker's temporary password too: as if they had changed it.
	e2eDb().update(user).set({ mustChangePassword: false }).where(eq(user.id, workerId)).run();
	const eve = await as(newContext, worker.username);
	expect((await eve.goto(`/children/${childId}/record`))!.status()).toBe(403);
	await eve.goto('/children');
	await expect(eve.getByRole('main')).not.toContainText('Maya');
	const maya = await as(newContext, demoSignIns().child.username);
	await maya.goto('/me');
	await expect(maya.getByRole('heading', { name: 'Your workers' })).toBeVisible();
	await expect(maya.getByRole('main')).not.toContainText(worker.name);

	// 3. The demo manager sees it waiting, and approves: now it counts, and Maya is told.
	const chris = await as(newContext, demoSignIns().manager.username);
	await chris.goto(assignments);
	const row = chris.getByRole('row', { name: new RegExp(worker.name) });
	await expect(row).toContainText('Waiting for approval');
	await expectNoAxeViolations(chris);
	await row.getByRole('button', { name: /^Approve .+assignment$/ }).click();
	await expect(chris.getByRole('status')).toContainText('Approved');
	expect((await eve.goto(`/children/${childId}/record`))!.status()).toBe(200);
	await maya.goto('/me');
	await expect(maya.getByRole('listitem').filter({ hasText: worker.name })).toHaveText(
		`${worker.name}, Key worker`
	);
	await checkInArabicOnAPhone(newContext, worker.name);
	const approvals = e2eDb()
		.select()
		.from(accessLog)
		.where(and(eq(accessLog.action, 'assignment-approved'), eq(accessLog.subjectUserId, workerId)))
		.all();
	expect(approvals).toMatchObject([{ actorUserId: userIdOf(demoSignIns().manager.username) }]);

	// Put the demo back: the assignment ended, both accounts disabled.
	await chris.goto(assignments);
	await chris
		.getByRole('row', { name: new RegExp(worker.name) })
		.getByRole('button', { name: /End/ })
		.click();
	await expect(chris.getByRole('status')).toContainText('Assignment ended');
	for (const username of [worker.username, manager.username]) {
		await admin.goto(`/accounts/${userIdOf(username)}`);
		await admin.getByRole('button', { name: 'Disable account' }).click();
		await expect(admin.getByRole('status')).toContainText('disabled');
	}
	await eve.goto(`/children/${childId}/record`);
	await expect(eve).toHaveURL(/\/sign-in/);
});
