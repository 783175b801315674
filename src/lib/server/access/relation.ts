import { and, eq, gt, isNull, lte, or, sql, type SQLWrapper } from 'drizzle-orm';
import type { Db } from '../db';
import { placeholderFor, preparedOnce } from '../db/prepared';
import { assignment, childProfile, user, type ChildProfile, type Relationship } from '../db/schema';
import type { Actor } from './actor';
import { isNewAccount } from './duties';

/** An assignment from its start until its end, whether or not it still awaits approval. */
export function openAssignment(now: Date | SQLWrapper) {
	return and(
		lte(assignment.startsAt, now),
		or(isNull(assignment.endsAt), gt(assignment.endsAt, now))
	);
}

/**
 * An assignment counts from its start until its end, checked afresh on every request, and not
 * while it awaits a second manager's approval (see duties.ts).
 */
export function currentAssignment(now: Date | SQLWrapper) {
	return and(openAssignment(now), eq(assignment.awaitingApproval, false));
}

export type ChildRelation = {
	/** Whom this relation was worked out for: it answers for them and nobody else. */
	actorId: string;
	child: ChildProfile;
	own: boolean;
	assignedAs: Relationship[];
	inUnit: boolean;
	sameOrganisation: boolean;
	/** The actor is a manager whose account an administrator made less than a day ago. */
	newManager: boolean;
};

/** A manager of the child's home or team whose account is not new: what a manager's rights need. */
export function managesChild(actor: Actor, r: ChildRelation): boolean {
	return actor.role === 'manager' && r.inUnit && !r.newManager;
}

// Asked on every request that touches a child: prepared once (db/prepared.ts).
const childById = preparedOnce((db) =>
	db
		.select()
		.from(childProfile)
		.where(eq(childProfile.id, sql.placeholder('childId')))
		.prepare()
);
const currentRelationships = preparedOnce((db) =>
	db
		.select({ relationship: assignment.relationship })
		.from(assignment)
		.where(
			and(
				eq(assignment.childId, sql.placeholder('childId')),
				eq(assignment.userId, sql.placeholder('userId')),
				currentAssignment(placeholderFor(assignment.startsAt, 'now'))
			)
		)
		.prepare()
);

export function relationToChild(
	db: Db,
	actor: Actor,
	childId: string,
	now: Date
): ChildRelation | null {
	const child = childById(db).get({ childId });
	if (!child) return null;
	const sameOrganisation = child.organisationId === actor.organisationId;
	const assignedAs = sameOrganisation
		? currentRelationships(db)
				.all({ childId, userId: actor.id, now })
				.map((a) => a.relationship)
		: [];
	const inUnit =
		sameOrganisation &&
		actor.unitId !== null &&
		(child.homeId === actor.unitId || child.teamId === actor.unitId);
	return {
		actorId: actor.id,
		child,
		own: child.userId !== null && child.userId === actor.id,
		assignedAs,
		inUnit,
		sameOrganisation,
		newManager: actor.role === 'manager' && inUnit && isNewAccount(db, actor.id, now)
	};
}

export type AccountRelation = {
	target: typeof user.$inferSelect;
	self: boolean;
	sameOrganisation: boolean;
	/** Staff of the actor's unit, or a child whose home or team is the actor's unit. */
	inUnit: boolean;
};

export function relationToAccount(db: Db, actor: Actor, userId: string): AccountRelation | null {
	const target = db.select().from(user).where(eq(user.id, userId)).get();
	if (!target) return null;
	const sameOrganisation = target.organisationId === actor.organisationId;
	let inUnit = false;
	if (sameOrganisation && actor.unitId) {
		if (target.role === 'child' || target.role === 'care_leaver') {
			const profile = db
				.select({ homeId: childProfile.homeId, teamId: childProfile.teamId })
				.from(childProfile)
				.where(eq(childProfile.userId, target.id))
				.get();
			inUnit = !!profile && (profile.homeId === actor.unitId || profile.teamId === actor.unitId);
		} else {
			inUnit = target.unitId === actor.unitId;
		}
	}
	return { target, self: target.id === actor.id, sameOrganisation, inUnit };
}
