import { and, desc, eq } from 'drizzle-orm';
import type { Db } from '../db';
import { assignment, user, type Relationship } from '../db/schema';
import * as access from '../access';
import * as accessLog from '../audit/access-log';
import { randomId } from '../crypto/random';
import { currentAssignment } from '../access/relation';
import { AccountError } from '../accounts/errors';

/** A worker's role decides their relationship to the child. */
const relationshipOf: Partial<Record<string, Relationship>> = {
	key_worker: 'key_worker',
	social_worker: 'social_worker',
	advocate: 'advocate'
};

export function listAssignments(db: Db, actor: access.Actor, childId: string, now = new Date()) {
	const relation = access.requireChild(db, actor, 'manageAssignments', childId, now);
	const rows = db
		.select({
			id: assignment.id,
			relationship: assignment.relationship,
			startsAt: assignment.startsAt,
			endsAt: assignment.endsAt,
			name: user.displayName,
			postTitle: user.postTitle
		})
		.from(assignment)
		.innerJoin(user, eq(user.id, assignment.userId))
		.where(eq(assignment.childId, childId))
		.orderBy(desc(assignment.startsAt))
		.all();
	return {
		child: { id: relation.child.id, preferredName: relation.child.preferredName },
		assignments: rows.map((row) => ({
			...row,
			current: row.startsAt <= now && (row.endsAt === null || row.endsAt > now)
		})),
		staff: access.assignableStaff(db, actor)
	};
}

export function assign(
	db: Db,
	actor: access.Actor,
	childId: string,
	staffUserId: string,
	address: string | null,
	now = new Date()
): void {
	access.requireChild(db, actor, 'manageAssignments', childId, now);
	const staff = access.assignableStaff(db, actor).find((s) => s.id === staffUserId);
	const relationship = staff && relationshipOf[staff.role];
	if (!staff || !relationship) throw new AccountError('form.invalid', 'userId');
	const existing = db
		.select({ id: assignment.id })
		.from(assignment)
		.where(
			and(
				eq(assignment.childId, childId),
				eq(assignment.userId, staffUserId),
				currentAssignment(now)
			)
		)
		.get();
	if (existing) throw new AccountError('assignments.already', 'userId');
	db.transaction((tx) => {
		tx.insert(assignment)
			.values({
				id: randomId(),
				userId: staffUserId,
				childId,
				relationship,
				startsAt: now,
				endsAt: null,
				createdBy: actor.id,
				createdAt: now
			})
			.run();
		accessLog.record(
			tx,
			{ actor: actor, action: 'assignment-created', childId, subjectUserId: staffUserId, address },
			now
		);
	});
}

/** Ends an assignment now: from the next request the worker no longer sees the child. */
export function endAssignment(
	db: Db,
	actor: access.Actor,
	childId: string,
	assignmentId: string,
	address: string | null,
	now = new Date()
): void {
	access.requireChild(db, actor, 'manageAssignments', childId, now);
	const row = db
		.select()
		.from(assignment)
		.where(and(eq(assignment.id, assignmentId), eq(assignment.childId, childId)))
		.get();
	if (!row || (row.endsAt !== null && row.endsAt <= now)) {
		throw new AccountError('form.invalid', 'assignmentId');
	}
	db.transaction((tx) => {
		tx.update(assignment).set({ endsAt: now }).where(eq(assignment.id, assignmentId)).run();
		accessLog.record(
			tx,
			{ actor: actor, action: 'assignment-ended', childId, subjectUserId: row.userId, address },
			now
		);
	});
}
