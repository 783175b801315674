import { and, asc, eq } from 'drizzle-orm';
import type { Db } from '../db';
import { assignment, childProfile, unit, user, type ChildProfile } from '../db/schema';
import * as access from '../access';
import * as accessLog from '../audit/access-log';
import { currentAssignment } from '../access/relation';
import { recordAlertSince } from '../record/alerts';
import { recordChanges } from './history';

/** What anyone who may see the record sees about the child: how to address and talk with them. */
export type ChildBasics = Pick<
	ChildProfile,
	'id' | 'preferredName' | 'pronouns' | 'languages' | 'preferredLanguage' | 'communicationNeeds'
> & { homeName: string | null; teamName: string | null };

function basicsOf(db: Db, child: ChildProfile): ChildBasics {
	const name = (id: string | null) =>
		id
			? (db.select({ name: unit.name }).from(unit).where(eq(unit.id, id)).get()?.name ?? null)
			: null;
	return {
		id: child.id,
		preferredName: child.preferredName,
		pronouns: child.pronouns,
		languages: child.languages,
		preferredLanguage: child.preferredLanguage,
		communicationNeeds: child.communicationNeeds,
		homeName: name(child.homeId),
		teamName: name(child.teamId)
	};
}

export function currentWorkers(db: Db, childId: string, now: Date) {
	return db
		.select({
			id: assignment.id,
			relationship: assignment.relationship,
			name: user.displayName,
			postTitle: user.postTitle
		})
		.from(assignment)
		.innerJoin(user, eq(user.id, assignment.userId))
		.where(and(eq(assignment.childId, childId), currentAssignment(now)))
		.orderBy(asc(assignment.relationship), asc(user.displayName))
		.all();
}

/**
 * "Your workers" on the child's home page: whoever is assigned to them now (an assignment still
 * awaiting a manager's approval is not), so that a new name is noticed.
 */
export function yourWorkers(
	db: Db,
	actor: access.Actor,
	relation: access.ChildRelation,
	now = new Date()
) {
	if (!access.requireOnRelation(actor, 'viewRecord', relation).own) {
		throw new access.AccessDenied();
	}
	return currentWorkers(db, relation.child.id, now).map(({ id, name, relationship }) => ({
		id,
		name,
		relationship
	}));
}

/**
 * Opens a child's record for someone, with what else they may do there: checks access and, for
 * anyone but the child, logs the view.
 */
export function openRecord(
	db: Db,
	permissions: access.Permissions,
	address: string | null,
	now = new Date()
) {
	const { actor, can } = permissions;
	const relation = permissions.require('viewRecord');
	const childId = relation.child.id;
	if (!relation.own) {
		accessLog.record(db, { actor: actor, action: 'record-viewed', childId, address }, now);
	}
	return {
		basics: basicsOf(db, relation.child),
		workers: currentWorkers(db, childId, now),
		integritySince: recordAlertSince(db, childId),
		/** The child keeps what staff share with them from this advocate (their choice). */
		recordWithheld: access.recordWithheldFrom(actor, relation),
		/** The day they left care, once their account has moved on to a care leaver's. */
		leftCareOn: relation.child.leftCareOn,
		may: {
			writeViewsWith: can.writeViewsWith,
			viewProfile: can.viewProfile,
			editProfile: can.editProfile,
			createSignInCode: can.createSignInCode,
			manageAssignments: can.manageAssignments,
			moveToLeaver: can.moveToLeaver
		}
	};
}

/** The identity details the policy asks for. Logged as a view for anyone but the child. */
export function readProfile(
	db: Db,
	permissions: access.Permissions,
	address: string | null,
	now = new Date()
): ChildProfile {
	const { actor } = permissions;
	const relation = permissions.require('viewProfile');
	if (!relation.own) {
		const childId = relation.child.id;
		accessLog.record(db, { actor: actor, action: 'profile-viewed', childId, address }, now);
	}
	return relation.child;
}

export type ProfileChanges = Pick<
	ChildProfile,
	| 'legalName'
	| 'previousNames'
	| 'preferredName'
	| 'dateOfBirth'
	| 'sex'
	| 'genderInOwnWords'
	| 'pronouns'
	| 'religion'
	| 'ethnicityInOwnWords'
	| 'languages'
	| 'preferredLanguage'
	| 'communicationNeeds'
	| 'disabilities'
	| 'caseSystemPersonId'
>;

export function updateProfile(
	db: Db,
	actor: access.Actor,
	childId: string,
	changes: ProfileChanges,
	address: string | null,
	now = new Date()
): void {
	const relation = access.requireChild(db, actor, 'editProfile', childId, now);
	db.transaction((tx) => {
		// What it was is kept: every change by staff has its history, as the child's own do.
		recordChanges(tx, actor, relation.child, changes, now);
		tx.update(childProfile)
			.set({ ...changes, updatedAt: now })
			.where(eq(childProfile.id, childId))
			.run();
		if (relation.child.userId && changes.preferredName !== relation.child.preferredName) {
			tx.update(user)
				.set({ displayName: changes.preferredName, updatedAt: now })
				.where(eq(user.id, relation.child.userId))
				.run();
		}
		accessLog.record(tx, { actor: actor, action: 'profile-changed', childId, address }, now);
	});
}

/** "Who has looked at my record", for the child or care leaver themself. */
export function whoLooked(db: Db, actor: access.Actor, now = new Date()) {
	if (!actor.childId) throw new access.AccessDenied();
	access.requireChild(db, actor, 'viewAccessLog', actor.childId, now);
	return accessLog.viewsOfChild(db, actor.childId, actor.id);
}
