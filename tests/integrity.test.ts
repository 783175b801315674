import { expect, test } from './fixtures/test';
import { e2eDb, mayaChildId, sessionCookie, userIdOf } from './fixtures/server';
import { restoreTriggers } from '../src/lib/server/db/triggers';
import { verifyAndCheckpoint } from '../src/lib/server/record/verify';

test.describe.configure({ mode: 'serial' });

/**
 * Someone with the database file changes a final entry of Maya's behind Waymark's back. The next
 * check finds it: managers and administrators see a warning on every page, Maya's record tells its
 * staff, and none of it reaches Maya. When the record is put back, the next check clears it.
 */
test('a record changed behind Waymark’s back is flagged to managers, administrators and its staff until it is whole again', async ({
	newContext
}) => {
	const db = e2eDb();
	const childId = mayaChildId();
	const target = db.$client
		.prepare(
			"SELECT id, title FROM entry WHERE child_id = ? AND status = 'final' ORDER BY seq LIMIT 1"
		)
		.get(childId) as { id: string; title: string };
	db.$client.exec('DROP TRIGGER entry_final_no_update');
	db.$client.prepare('UPDATE entry SET title = ? WHERE id = ?').run('Quietly rewritten', target.id);
	expect(restoreTriggers(db.$client)).toEqual(['entry_final_no_update']);
	expect(verifyAndCheckpoint(db).ok).toBe(false);

	const as = async (username: string) => {
		const context = await newContext();
		await context.addCookies([sessionCookie(userIdOf(username))]);
		return context.newPage();
	};
	const manager = await as('chris.evans');
	for (const path of ['/unit', '/children', `/children/${childId}`]) {
		await manager.goto(path);
		await expect(
			manager.getByRole('heading', { name: 'A stored record failed its check' })
		).toBeVisible();
	}
	await expect(
		manager.getByRole('heading', { name: "This record's history failed its check" })
	).toBeVisible();
	const admin = await as('robin.admin');
	await admin.goto('/accounts');
	await expect(
		admin.getByRole('heading', { name: 'A stored record failed its check' })
	).toBeVisible();
	const worker = await as('sam.okafor');
	await worker.goto(`/children/${childId}/record`);
	await expect(
		worker.getByRole('heading', { name: "This record's history failed its check" })
	).toBeVisible();
	await expect(
		worker.getByRole('heading', { name: 'A stored record failed its check' })
	).toHaveCount(0);
	const maya = await as('maya');
	await maya.goto('/me');
	await expect(maya.getByText('failed its check')).toHaveCount(0);

	// Put back from a backup: the next check finds everything whole, and the warnings go.
	db.$client.exec('DROP TRIGGER entry_final_no_update');
	db.$client.prepare('UPDATE entry SET title = ? WHERE id = ?').run(target.title, target.id);
	restoreTriggers(db.$client);
	expect(verifyAndCheckpoint(db).ok).toBe(true);
	await manager.goto(`/children/${childId}`);
	await expect(manager.getByText('failed its check')).toHaveCount(0);
});
