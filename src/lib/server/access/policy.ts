import type { Db } from '../db';
import type { Role } from '../db/schema';
import { AccessDenied, type Actor } from './actor';
import {
	managesChild,
	relationToAccount,
	relationToChild,
	type AccountRelation,
	type ChildRelation
} from './relation';
import { caseWorkerRelationships, isChildRole } from './roles';

/**
 * THE access policy. Every route and action asks here; nothing else decides who may see or do
 * what. Rules follow DESIGN section 1: relationships, not just roles.
 */

const caseWorker = (r: ChildRelation) =>
	r.assignedAs.some((a) => caseWorkerRelationships.includes(a));

const childRules = {
	/** The record itself. Advocates see it too (only what the child shares, decided per entry). */
	viewRecord: (a: Actor, r: ChildRelation) =>
		(isChildRole(a.role) && r.own) ||
		(a.role !== 'manager' && a.role !== 'admin' && r.assignedAs.length > 0) ||
		managesChild(a, r),
	/** Identity details: the child, their case workers and their manager; not advocates. */
	viewProfile: (a: Actor, r: ChildRelation) =>
		(isChildRole(a.role) && r.own) || caseWorker(r) || managesChild(a, r),
	editProfile: (a: Actor, r: ChildRelation) => caseWorker(r) || managesChild(a, r),
	/** "About me": how the child is described, in their own words, is theirs alone to change. */
	editOwnIdentity: (a: Actor, r: ChildRelation) => isChildRole(a.role) && r.own,
	/**
	 * Who changed how the child is described, and when: whoever sees the profile (the child only
	 * the fields that are theirs: access/identity.ts).
	 */
	viewIdentityHistory: (a: Actor, r: ChildRelation) =>
		(isChildRole(a.role) && r.own) || caseWorker(r) || managesChild(a, r),
	/**
	 * The child's answers about sharing their information: the child, and those who would share
	 * it (their case workers and manager); not their advocate.
	 */
	viewConsent: (a: Actor, r: ChildRelation) =>
		(isChildRole(a.role) && r.own) || caseWorker(r) || managesChild(a, r),
	/** Recording the child's answer: their key worker, social worker or manager. */
	recordConsent: (a: Actor, r: ChildRelation) => caseWorker(r) || managesChild(a, r),
	/** Asking for one of their answers to be changed: the child themself. */
	askConsentChange: (a: Actor, r: ChildRelation) => isChildRole(a.role) && r.own,
	/** Staff entries: written by the child's case workers and their manager. */
	writeRecord: (a: Actor, r: ChildRelation) => caseWorker(r) || managesChild(a, r),
	/** The child's own space: views, life events, memories, asking for help. */
	writeOwn: (a: Actor, r: ChildRelation) => isChildRole(a.role) && r.own,
	/**
	 * Whether their advocate reads what staff share with them: the child's own choice (the
	 * default is yes), never staff's.
	 */
	chooseAdvocateSharing: (a: Actor, r: ChildRelation) => isChildRole(a.role) && r.own,
	/** The child's views, written with them by their advocate, in the child's words. */
	writeViewsWith: (a: Actor, r: ChildRelation) => r.assignedAs.includes('advocate'),
	/** "I disagree": the child, or their advocate with them. */
	disagree: (a: Actor, r: ChildRelation) =>
		(isChildRole(a.role) && r.own) || r.assignedAs.includes('advocate'),
	/** Answering disagreements and linking into the case record: those who write the record. */
	handleDisagreements: (a: Actor, r: ChildRelation) => caseWorker(r) || managesChild(a, r),
	/** Reviews and meetings are scheduled by those who write the record. */
	scheduleMeetings: (a: Actor, r: ChildRelation) => caseWorker(r) || managesChild(a, r),
	/** The confidential section is the manager's: they review it and may move items out. */
	reviewConfidential: (a: Actor, r: ChildRelation) => managesChild(a, r),
	createSignInCode: (a: Actor, r: ChildRelation) =>
		r.child.userId !== null &&
		(caseWorker(r) || managesChild(a, r) || (a.role === 'admin' && r.sameOrganisation)),
	/**
	 * Only a manager of the child's home or team assigns staff and advocates; never an administrator
	 * (who makes the accounts). A new manager may, but what they assign awaits approval.
	 */
	manageAssignments: (a: Actor, r: ChildRelation) => a.role === 'manager' && r.inUnit,
	/** Approving an assignment that awaits it: a manager of the child who is not new. */
	approveAssignments: managesChild,
	/**
	 * Moving a child's account on to a care leaver's (at 18, or on leaving care): their social
	 * worker or the manager of their home or team. Nothing of theirs is lost.
	 */
	moveToLeaver: (a: Actor, r: ChildRelation) =>
		r.child.userId !== null && (r.assignedAs.includes('social_worker') || managesChild(a, r)),
	/** "Who has looked at my record" is the child's own page. */
	viewAccessLog: (a: Actor, r: ChildRelation) => isChildRole(a.role) && r.own
} satisfies Record<string, (a: Actor, r: ChildRelation) => boolean>;

export type ChildAction = keyof typeof childRules;

type AssignmentFacts = { createdBy: string; awaitingApproval: boolean };

/** One assignment of a child, for someone who may manage the child's assignments. */
const assignmentRules = {
	/** Another manager approves: never the one who made it. */
	approve: (a: Actor, r: ChildRelation, x: AssignmentFacts) =>
		x.awaitingApproval && childRules.approveAssignments(a, r) && x.createdBy !== a.id,
	/** A new manager ends only what they made and is still waiting, not the child's own workers. */
	end: (a: Actor, r: ChildRelation, x: AssignmentFacts) =>
		childRules.manageAssignments(a, r) &&
		(!r.newManager || (x.awaitingApproval && x.createdBy === a.id))
} satisfies Record<string, (a: Actor, r: ChildRelation, x: AssignmentFacts) => boolean>;

export type AssignmentAction = keyof typeof assignmentRules;

export function allowsAssignment(
	actor: Actor,
	action: AssignmentAction,
	relation: ChildRelation,
	assignment: AssignmentFacts
): boolean {
	return relation.sameOrganisation && assignmentRules[action](actor, relation, assignment);
}

const managesAccount = (a: Actor, r: AccountRelation) =>
	!r.self &&
	r.target.role !== 'admin' &&
	((a.role === 'admin' && r.sameOrganisation) ||
		(a.role === 'manager' && r.inUnit && r.target.role !== 'manager'));

const accountRules = {
	view: managesAccount,
	disable: managesAccount,
	enable: managesAccount,
	resetTwoFactor: (a: Actor, r: AccountRelation) =>
		managesAccount(a, r) && !isChildRole(r.target.role)
} satisfies Record<string, (a: Actor, r: AccountRelation) => boolean>;

export type AccountAction = keyof typeof accountRules;

const generalRules = {
	/** The worker's "my children" and the manager's home or team. */
	listChildren: (a: Actor) =>
		['key_worker', 'social_worker', 'personal_adviser', 'advocate', 'manager'].includes(a.role),
	/** A manager's children are their home's or team's, never found through assignments. */
	listChildrenByUnit: (a: Actor) => a.role === 'manager',
	viewUnit: (a: Actor) => a.role === 'manager' && a.unitId !== null,
	reviewConfidential: (a: Actor) => a.role === 'manager' && a.unitId !== null,
	listAccounts: (a: Actor) => a.role === 'admin' || (a.role === 'manager' && a.unitId !== null),
	/** Every account of the organisation; a manager lists only their home's or team's. */
	listOrganisationAccounts: (a: Actor) => a.role === 'admin',
	/** Making accounts (which roles: rolesCreatableBy). Managers: within their home or team. */
	createAccounts: (a: Actor) => a.role === 'admin' || (a.role === 'manager' && a.unitId !== null),
	/** Placing a new account in any home or team of the organisation. */
	placeAnywhere: (a: Actor) => a.role === 'admin',
	/** Placing a new account in one's own home or team, and only there. */
	placeInOwnUnit: (a: Actor) => a.role === 'manager' && a.unitId !== null,
	/**
	 * Choosing workers and advocates to assign (which child: manageAssignments). Only managers:
	 * an administrator makes accounts, never a child's worker.
	 */
	assignStaff: (a: Actor) => a.role === 'manager',
	manageUnits: (a: Actor) => a.role === 'admin',
	/** Tokens for the case system's read-only pull API. */
	manageIntegrations: (a: Actor) => a.role === 'admin',
	viewOwnRecord: (a: Actor) => isChildRole(a.role) && a.childId !== null,
	/** The disagreements list and the "to be linked" list. */
	viewDisagreements: (a: Actor) =>
		['key_worker', 'social_worker', 'personal_adviser', 'manager'].includes(a.role),
	/** The warning that a stored record, checkpoint or the access log failed its check. */
	viewIntegrityAlerts: (a: Actor) => a.role === 'manager' || a.role === 'admin',
	/** New things children added, and their calls for help. */
	viewInbox: (a: Actor) =>
		['key_worker', 'social_worker', 'personal_adviser', 'advocate', 'manager'].includes(a.role)
} satisfies Record<string, (a: Actor) => boolean>;

export type GeneralAction = keyof typeof generalRules;

/** Roles each role may create accounts for. Managers: within their own home or team. */
const creatableRoles: Partial<Record<Role, readonly Role[]>> = {
	admin: [
		'child',
		'care_leaver',
		'key_worker',
		'social_worker',
		'personal_adviser',
		'advocate',
		'manager',
		'admin'
	],
	manager: ['child', 'care_leaver', 'key_worker', 'social_worker', 'personal_adviser', 'advocate']
};

export function rolesCreatableBy(actor: Actor): readonly Role[] {
	if (!generalRules.createAccounts(actor)) return [];
	return creatableRoles[actor.role] ?? [];
}

export function allows(actor: Actor | null, action: GeneralAction): boolean {
	return !!actor && generalRules[action](actor);
}

export function allowsChild(
	db: Db,
	actor: Actor | null,
	action: ChildAction,
	childId: string,
	now = new Date()
): boolean {
	if (!actor) return false;
	const relation = relationToChild(db, actor, childId, now);
	return !!relation && allowsOnRelation(actor, action, relation);
}

/** Every action on a child the policy knows, for whoever asks for all of them at once. */
export const childActions = Object.keys(childRules) as readonly ChildAction[];

/**
 * The same decision as `allowsChild`, on a relation already loaded for this actor. A yes or no
 * only: a checked relation, which writes need, comes from `requireChild` or `requireOnRelation`.
 */
export function allowsOnRelation(
	actor: Actor,
	action: ChildAction,
	relation: ChildRelation
): boolean {
	return (
		relation.actorId === actor.id &&
		relation.sameOrganisation &&
		childRules[action](actor, relation)
	);
}

export function requireAccount(
	db: Db,
	actor: Actor | null,
	action: AccountAction,
	userId: string
): AccountRelation {
	if (!actor) throw new AccessDenied();
	const relation = relationToAccount(db, actor, userId);
	if (!relation) throw new AccessDenied('not-found');
	if (!accountRules[action](actor, relation)) throw new AccessDenied();
	return relation;
}

export function allowsAccount(
	db: Db,
	actor: Actor,
	action: AccountAction,
	userId: string
): boolean {
	const relation = relationToAccount(db, actor, userId);
	return !!relation && accountRules[action](actor, relation);
}

export function requireGeneral(actor: Actor | null, action: GeneralAction): Actor {
	if (!actor || !generalRules[action](actor)) throw new AccessDenied();
	return actor;
}
