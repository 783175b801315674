import { and, eq, gt, isNull, lte, or } from 'drizzle-orm';
import type { Db } from '../db';
import { assignment, childProfile, user, type ChildProfile, type Relationship } from '../db/schema';
import type { Actor } from './actor';

/** An assignment counts from its start until its end, checked afresh on every request. */
export function currentAssignment(now: Date) {
	return and(
		lte(assignment.startsAt, now),
		or(isNull(assignment.endsAt), gt(assignment.endsAt, now))
	);
}

export type ChildRelation = {
	child: ChildProfile;
	own: boolean;
	assignedAs: Relationship[];
	inUnit: boolean;
	sameOrganisation: boolean;
};

export function relationToChild(
	db: Db,
	actor: Actor,
	childId: string,
	now: Date
): ChildRelation | null {
	const child = db.select().from(childProfile).where(eq(childProfile.id, childId)).get();
	if (!child) return null;
	const sameOrganisation = child.organisationId === actor.organisationId;
	const assignedAs = sameOrganisation
		? db
				.select({ relationship: assignment.relationship })
				.from(assignment)
				.where(
					and(
						eq(assignment.childId, childId),
						eq(assignment.userId, actor.id),
						currentAssignment(now)
					)
				)
				.all()
				.map((a) => a.relationship)
		: [];
	return {
		child,
		own: child.userId !== null && child.userId === actor.id,
		assignedAs,
		inUnit:
			sameOrganisation &&
			actor.unitId !== null &&
			(child.homeId === actor.unitId || child.teamId === actor.unitId),
		sameOrganisation
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
