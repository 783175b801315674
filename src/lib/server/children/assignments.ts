import { and, desc, eq } from 'drizzle-orm';
import type { Db } from '../db';
import { assignment, user, type Assignment, type Relationship } from '../db/schema';
import * as access from '../access';
import * as accessLog from '../audit/access-log';
import { randomId } from '../crypto/random';
import { openAssignment } from '../access/relation';
import { AccountError } from '../accounts/errors';
import { wayBack } from './way-back';

/** A worker's role decides their relationship to the child. */
const relationshipOf: Partial<Record<string, Relationship>> = {
	key_worker: 'key_worker',
	social_worker: 'social_worker',
	personal_adviser: 'personal_adviser',
	advocate: 'advocate'
};

export type AssignmentStatus = 'waiting' | 'current' | 'ended';

function statusOf(
	row: Pick<Assignment, 'endsAt' | 'awaitingApproval'>,
	now: Date
): AssignmentStatus {
	if (row.endsAt !== null && row.endsAt <= now) return 'ended';
	return row.awaitingApproval ? 'waiting' : 'current';
}

export function listAssignments(db: Db, actor: access.Actor, childId: string, now = new Date()) {
	const relation = access.requireChild(db, actor, 'manageAssignments', childId, now);
	const rows = db
		.select({
			id: assignment.id,
			relationship: assignment.relationship,
			startsAt: assignment.startsAt,
			endsAt: assignment.endsAt,
			awaitingApproval: assignment.awaitingApproval,
			createdBy: assignment.createdBy,
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
		back: wayBack(db, actor, relation),
		assignments: rows.map(({ awaitingApproval, createdBy, ...row }) => {
			const status = statusOf({ ...row, awaitingApproval }, now);
			const facts = { awaitingApproval, createdBy };
			return {
				...row,
				status,
				madeByMe: createdBy === actor.id,
				mayApprove:
					status === 'waiting' && access.allowsAssignment(actor, 'approve', relation, facts),
				mayEnd: status !== 'ended' && access.allowsAssignment(actor, 'end', relation, facts)
			};
		}),
		staff: access.assignableStaff(db, actor)
	};
}

/** Assigns a worker to a child. Returns whether it awaits another manager's approval. */
export function assign(
	db: Db,
	actor: access.Actor,
	childId: string,
	staffUserId: string,
	address: string | null,
	now = new Date()
): { awaitingApproval: boolean } {
	access.requireChild(db, actor, 'manageAssignments', childId, now);
	const staff = access.assignableStaff(db, actor).find((s) => s.id === staffUserId);
	const relationship = staff && relationshipOf[staff.role];
	if (!staff || !relationship) throw new AccountError('form.invalid', 'userId');
	const existing = db
		.select({ id: assignment.id })
		.from(assignment)
		.where(
			and(eq(assignment.childId, childId), eq(assignment.userId, staffUserId), openAssignment(now))
		)
		.get();
	if (existing) throw new AccountError('assignments.already', 'userId');
	const awaitingApproval = access.assignmentNeedsApproval(db, actor, staffUserId, now);
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
				createdAt: now,
				awaitingApproval
			})
			.run();
		accessLog.record(
			tx,
			{ actor: actor, action: 'assignment-created', childId, subjectUserId: staffUserId, address },
			now
		);
	});
	return { awaitingApproval };
}

function openRow(db: Db, childId: string, assignmentId: string, now: Date) {
	const row = db
		.select()
		.from(assignment)
		.where(
			and(eq(assignment.id, assignmentId), eq(assignment.childId, childId), openAssignment(now))
		)
		.get();
	if (!row) throw new AccountError('form.invalid', 'assignmentId');
	return row;
}

/** Another manager of the child approves an assignment that awaits it: from now it gives access. */
export function approveAssignment(
	db: Db,
	actor: access.Actor,
	childId: string,
	assignmentId: string,
	address: string | null,
	now = new Date()
): void {
	const relation = access.requireChild(db, actor, 'approveAssignments', childId, now);
	const row = openRow(db, childId, assignmentId, now);
	if (!row.awaitingApproval) throw new AccountError('form.invalid', 'assignmentId');
	if (!access.allowsAssignment(actor, 'approve', relation, row)) throw new access.AccessDenied();
	db.transaction((tx) => {
		tx.update(assignment)
			.set({ awaitingApproval: false, approvedBy: actor.id, approvedAt: now })
			.where(eq(assignment.id, assignmentId))
			.run();
		accessLog.record(
			tx,
			{ actor: actor, action: 'assignment-approved', childId, subjectUserId: row.userId, address },
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
	const relation = access.requireChild(db, actor, 'manageAssignments', childId, now);
	const row = openRow(db, childId, assignmentId, now);
	if (!access.allowsAssignment(actor, 'end', relation, row)) throw new access.AccessDenied();
	db.transaction((tx) => {
		tx.update(assignment).set({ endsAt: now }).where(eq(assignment.id, assignmentId)).run();
		accessLog.record(
			tx,
			{ actor: actor, action: 'assignment-ended', childId, subjectUserId: row.userId, address },
			now
		);
	});
}
