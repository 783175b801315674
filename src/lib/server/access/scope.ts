import { and, asc, eq, inArray, or } from 'drizzle-orm';
import type { Db } from '../db';
import { assignment, childProfile, unit, user, type Relationship } from '../db/schema';
import type { Actor } from './actor';
import { allows } from './policy';
import { currentAssignment } from './relation';
import { isNewAccount } from './duties';
import { workerRoles } from './roles';

/**
 * List queries, scoped by the policy. Routes call these instead of writing their own `where`.
 */

export type ChildListItem = {
	id: string;
	preferredName: string;
	homeName: string | null;
	relationships: Relationship[];
};

const listed = {
	id: childProfile.id,
	preferredName: childProfile.preferredName,
	homeName: unit.name
};

/** The children of a manager's home or team. */
function unitChildren(db: Db, actor: Actor): ChildListItem[] {
	if (!actor.unitId) return [];
	return db
		.select(listed)
		.from(childProfile)
		.leftJoin(unit, eq(unit.id, childProfile.homeId))
		.where(
			and(
				eq(childProfile.organisationId, actor.organisationId),
				or(eq(childProfile.homeId, actor.unitId), eq(childProfile.teamId, actor.unitId))
			)
		)
		.orderBy(asc(childProfile.preferredName))
		.all()
		.map((c) => ({ ...c, relationships: [] }));
}

/**
 * A worker's or advocate's current children; a manager's whole home or team. A new manager (see
 * duties.ts) has none yet: every list built on this one (inbox, disagreements) is empty for them.
 */
export function childrenFor(db: Db, actor: Actor, now = new Date()): ChildListItem[] {
	if (!allows(actor, 'listChildren')) return [];
	if (allows(actor, 'listChildrenByUnit')) {
		return isNewAccount(db, actor.id, now) ? [] : unitChildren(db, actor);
	}
	const rows = db
		.select({ ...listed, relationship: assignment.relationship })
		.from(assignment)
		.innerJoin(childProfile, eq(childProfile.id, assignment.childId))
		.leftJoin(unit, eq(unit.id, childProfile.homeId))
		.where(
			and(
				eq(assignment.userId, actor.id),
				eq(childProfile.organisationId, actor.organisationId),
				currentAssignment(now)
			)
		)
		.orderBy(asc(childProfile.preferredName))
		.all();
	const byId = new Map<string, ChildListItem>();
	for (const { relationship, ...child } of rows) {
		const item = byId.get(child.id) ?? { ...child, relationships: [] };
		if (!item.relationships.includes(relationship)) item.relationships.push(relationship);
		byId.set(child.id, item);
	}
	return [...byId.values()];
}

/** A new manager's home or team: children they may assign workers to but not yet read about. */
export function childrenToAssign(db: Db, actor: Actor, now = new Date()): ChildListItem[] {
	if (!allows(actor, 'viewUnit') || !isNewAccount(db, actor.id, now)) return [];
	return unitChildren(db, actor);
}

export type AccountListItem = {
	id: string;
	username: string;
	displayName: string;
	role: (typeof user.$inferSelect)['role'];
	status: (typeof user.$inferSelect)['status'];
	unitName: string | null;
};

/** Administrators: every account of their organisation. Managers: their home's or team's. */
export function accountsFor(db: Db, actor: Actor): AccountListItem[] {
	if (!allows(actor, 'listAccounts')) return [];
	const columns = {
		id: user.id,
		username: user.username,
		displayName: user.displayName,
		role: user.role,
		status: user.status,
		unitName: unit.name
	};
	if (allows(actor, 'listOrganisationAccounts')) {
		return db
			.select(columns)
			.from(user)
			.leftJoin(unit, eq(unit.id, user.unitId))
			.where(eq(user.organisationId, actor.organisationId))
			.orderBy(asc(user.displayName))
			.all();
	}
	const staff = db
		.select(columns)
		.from(user)
		.leftJoin(unit, eq(unit.id, user.unitId))
		.where(
			and(
				eq(user.organisationId, actor.organisationId),
				eq(user.unitId, actor.unitId!),
				inArray(user.role, [...workerRoles])
			)
		)
		.all();
	const children = db
		.select({ ...columns, unitName: unit.name })
		.from(childProfile)
		.innerJoin(user, eq(user.id, childProfile.userId))
		.leftJoin(unit, eq(unit.id, childProfile.homeId))
		.where(
			and(
				eq(childProfile.organisationId, actor.organisationId),
				or(eq(childProfile.homeId, actor.unitId!), eq(childProfile.teamId, actor.unitId!))
			)
		)
		.all();
	return [...staff, ...children].sort((a, b) => a.displayName.localeCompare(b.displayName));
}

/** Homes and teams an actor may place accounts in. */
export function unitsFor(db: Db, actor: Actor) {
	if (allows(actor, 'placeAnywhere')) return organisationUnits(db, actor);
	if (allows(actor, 'placeInOwnUnit')) {
		return db
			.select()
			.from(unit)
			.where(and(eq(unit.id, actor.unitId!), eq(unit.organisationId, actor.organisationId)))
			.all();
	}
	return [];
}

function organisationUnits(db: Db, actor: Actor) {
	return db
		.select()
		.from(unit)
		.where(eq(unit.organisationId, actor.organisationId))
		.orderBy(asc(unit.name))
		.all();
}

/**
 * The teams a new child's case may be held by, for whoever may make a child's account: any home
 * or team of the organisation (a home's manager names the social work team, which is not theirs).
 */
export function caseTeamsFor(db: Db, actor: Actor) {
	return allows(actor, 'createAccounts') ? organisationUnits(db, actor) : [];
}

/**
 * Workers and advocates who can be assigned to children, in the actor's organisation. Only
 * managers assign: an administrator makes accounts, never a child's worker.
 */
export function assignableStaff(db: Db, actor: Actor) {
	if (!allows(actor, 'assignStaff')) return [];
	return db
		.select({
			id: user.id,
			displayName: user.displayName,
			postTitle: user.postTitle,
			role: user.role
		})
		.from(user)
		.where(
			and(
				eq(user.organisationId, actor.organisationId),
				eq(user.status, 'active'),
				inArray(user.role, [...workerRoles])
			)
		)
		.orderBy(asc(user.displayName))
		.all();
}
