import { describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { createTestDb } from '../test/db';
import { actorFor, makeUser, makeWorld } from '../test/factories';
import { accessLog, assignment } from '../db/schema';
import { AccessDenied, allowsChild, permissionsOn } from '../access';
import { approveAssignment, assign, endAssignment, listAssignments } from './assignments';
import { yourWorkers } from './profile';

/** The attack: an administrator makes a worker and a manager of their own, and assigns. */
function attack() {
	const db = createTestDb();
	const w = makeWorld(db);
	const hourAgo = new Date(Date.now() - 60 * 60 * 1000);
	const made = { createdBy: w.admin.id, createdAt: hourAgo };
	const worker = makeUser(db, w.org.id, 'key_worker', { unitId: w.home.id, ...made });
	const manager = makeUser(db, w.org.id, 'manager', { unitId: w.home.id, ...made });
	return {
		db,
		w,
		childId: w.child.profile.id,
		admin: actorFor(db, w.admin),
		worker: actorFor(db, worker),
		newManager: actorFor(db, manager),
		manager: actorFor(db, w.manager),
		child: actorFor(db, w.child.account!)
	};
}

describe('separation of duties in assignments', () => {
	it('an administrator cannot assign anyone, not even to see the page', () => {
		const { db, admin, worker, childId } = attack();
		expect(() => assign(db, admin, childId, worker.id, null)).toThrow(AccessDenied);
		expect(() => listAssignments(db, admin, childId)).toThrow(AccessDenied);
		expect(db.select().from(assignment).where(eq(assignment.userId, worker.id)).all()).toEqual([]);
	});

	it("a new manager's assignment waits, gives nothing, and another manager's approval makes it count", () => {
		const { db, worker, newManager, manager, child, childId } = attack();
		expect(assign(db, newManager, childId, worker.id, '10.0.0.1')).toEqual({
			awaitingApproval: true
		});
		expect(allowsChild(db, worker, 'viewRecord', childId)).toBe(false);
		expect(
			yourWorkers(db, child, permissionsOn(db, child, childId).relation).map((x) => x.name)
		).not.toContain(worker.displayName);
		// "Your workers" is the child's own list: not even their manager asks for it.
		expect(() => yourWorkers(db, manager, permissionsOn(db, manager, childId).relation)).toThrow(
			AccessDenied
		);

		const mine = listAssignments(db, newManager, childId).assignments.find(
			(a) => a.name === worker.displayName
		)!;
		expect(mine).toMatchObject({ status: 'waiting', madeByMe: true, mayApprove: false });
		expect(() => approveAssignment(db, newManager, childId, mine.id, null)).toThrow(AccessDenied);
		expect(() => approveAssignment(db, worker, childId, mine.id, null)).toThrow(AccessDenied);

		const theirs = listAssignments(db, manager, childId).assignments.find((a) => a.id === mine.id)!;
		expect(theirs).toMatchObject({ status: 'waiting', madeByMe: false, mayApprove: true });
		const at = new Date();
		approveAssignment(db, manager, childId, mine.id, '10.0.0.2', at);
		expect(allowsChild(db, worker, 'viewRecord', childId)).toBe(true);
		expect(yourWorkers(db, child, permissionsOn(db, child, childId).relation)).toContainEqual({
			id: mine.id,
			name: worker.displayName,
			relationship: 'key_worker'
		});
		const row = db.select().from(assignment).where(eq(assignment.id, mine.id)).get()!;
		expect(row).toMatchObject({ awaitingApproval: false, approvedBy: manager.id, approvedAt: at });
		const approved = db
			.select()
			.from(accessLog)
			.where(eq(accessLog.action, 'assignment-approved'))
			.all();
		expect(approved).toMatchObject([
			{ actorUserId: manager.id, childId, subjectUserId: worker.id, address: '10.0.0.2' }
		]);
		// Once approved, there is nothing left to approve.
		expect(() => approveAssignment(db, manager, childId, mine.id, null)).toThrow(/form.invalid/);
	});

	it("the administrator's own manager, a day on, still cannot slip in the administrator's new worker", () => {
		const { db, w, newManager, childId } = attack();
		const dayOn = new Date(Date.now() + 24 * 60 * 60 * 1000);
		const laterWorker = makeUser(db, w.org.id, 'social_worker', {
			createdBy: w.admin.id,
			createdAt: dayOn
		});
		const made = assign(db, newManager, childId, laterWorker.id, null, dayOn);
		expect(made.awaitingApproval).toBe(true);
		expect(allowsChild(db, actorFor(db, laterWorker), 'viewRecord', childId, dayOn)).toBe(false);
	});

	it('a manager who is not new assigns at once; a new one ends only its own waiting assignment', () => {
		const { db, w, worker, newManager, manager, childId } = attack();
		expect(assign(db, manager, childId, worker.id, null).awaitingApproval).toBe(false);
		expect(allowsChild(db, worker, 'viewRecord', childId)).toBe(true);
		const keyWorkers = listAssignments(db, newManager, childId).assignments;
		const established = keyWorkers.find((a) => a.name === w.keyWorker.displayName)!;
		expect(established.mayEnd).toBe(false);
		expect(() => endAssignment(db, newManager, childId, established.id, null)).toThrow(
			AccessDenied
		);
		// The world's advocate is already assigned: a second, waiting assignment is refused.
		expect(() => assign(db, newManager, childId, w.advocate.id, null)).toThrow(
			/assignments.already/
		);
		const other = makeUser(db, w.org.id, 'advocate');
		assign(db, newManager, childId, other.id, null);
		const waiting = listAssignments(db, newManager, childId).assignments.find(
			(a) => a.name === other.displayName
		)!;
		expect(waiting.mayEnd).toBe(true);
		endAssignment(db, newManager, childId, waiting.id, null);
	});
});
