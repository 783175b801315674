import { describe, expect, it } from 'vitest';
import { createTestDb } from '../test/db';
import { actorFor, assignTo, finalEntry, makeUser, makeWorld } from '../test/factories';
import { assignment, entry } from '../db/schema';
import { eq } from 'drizzle-orm';
import {
	allowsAssignment,
	allowsChild,
	assignableStaff,
	assignmentNeedsApproval,
	childrenFor,
	childrenToAssign,
	entryView,
	isNewAccount,
	requireChild,
	type ChildAction
} from '.';
import { isWithinNewPeriod, newAccountPeriod } from './duties';

const hour = 60 * 60 * 1000;

/** A world with a manager that its administrator made `age` ago. */
function world(age = hour) {
	const db = createTestDb();
	const w = makeWorld(db);
	const now = new Date();
	const made = new Date(now.getTime() - age);
	const newManager = makeUser(db, w.org.id, 'manager', {
		unitId: w.home.id,
		createdBy: w.admin.id,
		createdAt: made
	});
	return { db, w, now, newManager: actorFor(db, newManager), newManagerUser: newManager };
}

describe('a new account', () => {
	it('is new for exactly one day', () => {
		const now = new Date('2026-03-29T12:00:00Z');
		expect(isWithinNewPeriod(new Date(now.getTime() - newAccountPeriod + 1), now)).toBe(true);
		expect(isWithinNewPeriod(new Date(now.getTime() - newAccountPeriod), now)).toBe(false);
		expect(newAccountPeriod).toBe(24 * hour);
	});

	it('is one an administrator made: not a manager, not the seed or the first administrator', () => {
		const { db, w, now, newManager } = world();
		expect(isNewAccount(db, newManager.id, now)).toBe(true);
		expect(isNewAccount(db, newManager.id, new Date(now.getTime() + 24 * hour))).toBe(false);
		const managerMade = makeUser(db, w.org.id, 'key_worker', { createdBy: w.manager.id });
		expect(isNewAccount(db, managerMade.id, now)).toBe(false);
		expect(isNewAccount(db, w.manager.id, now)).toBe(false);
		expect(isNewAccount(db, w.admin.id, now)).toBe(false);
	});
});

describe('administrators never assign', () => {
	it('have no assignments rule for any child, and no one to assign', () => {
		const { db, w } = world();
		const admin = actorFor(db, w.admin);
		for (const child of [w.child, w.careLeaver, w.otherChild]) {
			expect(allowsChild(db, admin, 'manageAssignments', child.profile.id)).toBe(false);
			expect(allowsChild(db, admin, 'approveAssignments', child.profile.id)).toBe(false);
		}
		expect(assignableStaff(db, admin)).toEqual([]);
	});
});

describe('a new manager', () => {
	const unitRules: ChildAction[] = [
		'viewRecord',
		'viewProfile',
		'editProfile',
		'writeRecord',
		'handleDisagreements',
		'scheduleMeetings',
		'reviewConfidential',
		'createSignInCode',
		'approveAssignments'
	];

	it('reaches none of the children of their home, except to assign workers', () => {
		const { db, w, now, newManager } = world();
		for (const action of unitRules) {
			expect(allowsChild(db, newManager, action, w.child.profile.id, now), action).toBe(false);
		}
		expect(allowsChild(db, newManager, 'manageAssignments', w.child.profile.id, now)).toBe(true);
		expect(childrenFor(db, newManager, now)).toEqual([]);
		expect(childrenToAssign(db, newManager, now).map((c) => c.id)).toEqual([w.child.profile.id]);
		// Not even an entry slipped through a relation loaded for assigning.
		const shared = finalEntry(db, w.keyWorker, w.child.profile.id);
		const row = db.select().from(entry).where(eq(entry.id, shared.id)).get()!;
		const relation = requireChild(db, newManager, 'manageAssignments', w.child.profile.id, now);
		expect(entryView(newManager, relation, row)).toBe('hidden');
	});

	it('after a day is a manager like any other', () => {
		const { db, w, now, newManager } = world(24 * hour);
		for (const action of unitRules) {
			expect(allowsChild(db, newManager, action, w.child.profile.id, now), action).toBe(true);
		}
		expect(childrenToAssign(db, newManager, now)).toEqual([]);
	});

	it('one made by a manager, or with no maker, is not new', () => {
		const { db, w, now } = world();
		const byManager = makeUser(db, w.org.id, 'manager', {
			unitId: w.home.id,
			createdBy: w.manager.id
		});
		expect(allowsChild(db, actorFor(db, byManager), 'viewRecord', w.child.profile.id, now)).toBe(
			true
		);
	});
});

describe('which assignments wait for another manager', () => {
	it('every one a new manager makes', () => {
		const { db, w, now, newManager } = world();
		expect(assignmentNeedsApproval(db, newManager, w.socialWorker.id, now)).toBe(true);
	});

	it("a new worker's, made by a manager the same administrator made", () => {
		const { db, w, now, newManagerUser } = world(2 * 24 * hour);
		const manager = actorFor(db, newManagerUser);
		const newWorker = makeUser(db, w.org.id, 'key_worker', {
			createdBy: w.admin.id,
			createdAt: new Date(now.getTime() - hour)
		});
		expect(assignmentNeedsApproval(db, manager, newWorker.id, now)).toBe(true);
		// The demo's kind of manager (no maker) assigns a new worker at once; so after a day.
		expect(assignmentNeedsApproval(db, actorFor(db, w.manager), newWorker.id, now)).toBe(false);
		const later = new Date(now.getTime() + 24 * hour);
		expect(assignmentNeedsApproval(db, manager, newWorker.id, later)).toBe(false);
		expect(assignmentNeedsApproval(db, manager, w.keyWorker.id, now)).toBe(false);
	});

	it('approval is by another manager of the child who is not new; ending by a new one only its own', () => {
		const { db, w, now, newManager } = world();
		const relationOf = (who: typeof newManager) =>
			requireChild(db, who, 'manageAssignments', w.child.profile.id, now);
		const waiting = { createdBy: newManager.id, awaitingApproval: true };
		const manager = actorFor(db, w.manager);
		expect(allowsAssignment(manager, 'approve', relationOf(manager), waiting)).toBe(true);
		expect(allowsAssignment(newManager, 'approve', relationOf(newManager), waiting)).toBe(false);
		const own = { createdBy: manager.id, awaitingApproval: true };
		expect(allowsAssignment(manager, 'approve', relationOf(manager), own)).toBe(false);
		const inForce = { createdBy: manager.id, awaitingApproval: false };
		expect(allowsAssignment(manager, 'approve', relationOf(manager), inForce)).toBe(false);
		expect(allowsAssignment(newManager, 'end', relationOf(newManager), inForce)).toBe(false);
		expect(allowsAssignment(newManager, 'end', relationOf(newManager), waiting)).toBe(true);
		expect(allowsAssignment(manager, 'end', relationOf(manager), inForce)).toBe(true);
	});

	it('an assignment awaiting approval gives the worker nothing', () => {
		const { db, w, now } = world();
		const worker = actorFor(db, makeUser(db, w.org.id, 'key_worker'));
		const row = assignTo(db, worker, w.otherChild.profile.id, 'key_worker', {
			awaitingApproval: true
		});
		expect(allowsChild(db, worker, 'viewRecord', w.otherChild.profile.id, now)).toBe(false);
		expect(childrenFor(db, worker, now)).toEqual([]);
		db.update(assignment).set({ awaitingApproval: false }).where(eq(assignment.id, row.id)).run();
		expect(allowsChild(db, worker, 'viewRecord', w.otherChild.profile.id, now)).toBe(true);
		expect(childrenFor(db, worker, now).map((c) => c.id)).toEqual([w.otherChild.profile.id]);
	});
});
