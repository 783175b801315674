import { describe, expect, it } from 'vitest';
import { createTestDb } from '../test/db';
import { actorFor, makeUser, makeWorld } from '../test/factories';
import { listAssignments } from './assignments';
import { childForSignInCode } from './sign-in-code';

describe('the way back from a page about one child', () => {
	it("leads to the child's page for those who may open it, else to the account", () => {
		const db = createTestDb();
		const w = makeWorld(db);
		const childId = w.child.profile.id;
		const hourAgo = new Date(Date.now() - 60 * 60 * 1000);
		const newManager = makeUser(db, w.org.id, 'manager', {
			unitId: w.home.id,
			createdBy: w.admin.id,
			createdAt: hourAgo
		});
		const backFor = (person: typeof w.admin) =>
			childForSignInCode(db, actorFor(db, person), childId).back;
		expect(backFor(w.keyWorker)).toEqual({ to: 'child', href: `/children/${childId}` });
		expect(backFor(w.manager)).toEqual({ to: 'child', href: `/children/${childId}` });
		// An administrator makes codes but never opens the record: back to the account.
		const account = { to: 'account', href: `/accounts/${w.child.account!.id}` };
		expect(backFor(w.admin)).toEqual(account);
		expect(listAssignments(db, actorFor(db, newManager), childId).back).toEqual(account);
		expect(listAssignments(db, actorFor(db, w.manager), childId).back).toEqual({
			to: 'child',
			href: `/children/${childId}`
		});
	});

	it('gives the username the code sign-in asks for', () => {
		const db = createTestDb();
		const w = makeWorld(db);
		const child = childForSignInCode(db, actorFor(db, w.keyWorker), w.child.profile.id);
		expect(child.username).toBe(w.child.account!.username);
	});
});
