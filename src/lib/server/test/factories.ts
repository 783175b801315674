import { eq } from 'drizzle-orm';
import type { Db } from '../db';
import {
	assignment,
	childProfile,
	organisation,
	unit,
	user,
	type Entry,
	type Relationship,
	type Role,
	type User
} from '../db/schema';
import { randomId } from '../crypto/random';
import { actorFrom, isChildRole, requireChild, type Actor } from '../access';
import type { EntryInput } from '../record/input';
import { docFromPlainText } from '../record/sanitise';
import { appendFinal, createDraft, finaliseEntry } from '../record/write';
import { draftRow } from '../record/rows';
import type { ChildEntryInput } from '../space/input';
import { addDays, today } from '../dates/day';

/** Test data from factories, not object literals pasted into every test. */

let counter = 0;
/** Unique across processes too: the e2e tests add worlds to one shared database. */
const next = () => `${++counter}${randomId().slice(0, 6)}`;

export function makeOrganisation(db: Db, name = `Org ${next()}`) {
	const row = { id: randomId(), name, createdAt: new Date() };
	db.insert(organisation).values(row).run();
	return row;
}

export function makeUnit(db: Db, organisationId: string, kind: 'home' | 'team' = 'home') {
	const row = {
		id: randomId(),
		organisationId,
		kind,
		name: `${kind} ${next()}`,
		createdAt: new Date()
	};
	db.insert(unit).values(row).run();
	return row;
}

export function makeUser(
	db: Db,
	organisationId: string,
	role: Role,
	overrides: Partial<User> = {}
): User {
	const n = next();
	const row: User = {
		id: randomId(),
		organisationId,
		unitId: null,
		username: `${role.replace('_', '-')}-${n}`,
		displayName: `${role} ${n}`,
		postTitle: role === 'child' || role === 'care_leaver' ? null : `${role} post`,
		role,
		status: 'active',
		passwordHash: null,
		mustChangePassword: false,
		totpKey: null,
		totpLastStep: null,
		locale: null,
		createdBy: null,
		previousPasswordHash: null,
		privateSealedUntil: null,
		calmMode: null,
		createdAt: new Date(),
		updatedAt: new Date(),
		...overrides
	};
	db.insert(user).values(row).run();
	return row;
}

/** A child profile, with an account when `role` is given. */
export function makeChild(
	db: Db,
	organisationId: string,
	options: {
		homeId?: string | null;
		teamId?: string | null;
		role?: 'child' | 'care_leaver' | null;
	} = {}
) {
	const account =
		options.role === null ? null : makeUser(db, organisationId, options.role ?? 'child');
	const row = {
		id: randomId(),
		organisationId,
		userId: account?.id ?? null,
		homeId: options.homeId ?? null,
		teamId: options.teamId ?? null,
		legalName: `Legal Name ${next()}`,
		previousNames: [],
		preferredName: account?.displayName ?? `Child ${next()}`,
		languages: [],
		createdAt: new Date(),
		updatedAt: new Date()
	};
	db.insert(childProfile).values(row).run();
	return { profile: row, account };
}

export function assignTo(
	db: Db,
	staff: Pick<User, 'id'>,
	childId: string,
	relationship: Relationship,
	options: { startsAt?: Date; endsAt?: Date | null; awaitingApproval?: boolean } = {}
) {
	const row = {
		id: randomId(),
		userId: staff.id,
		childId,
		relationship,
		startsAt: options.startsAt ?? new Date(0),
		endsAt: options.endsAt ?? null,
		createdBy: staff.id,
		createdAt: new Date(),
		awaitingApproval: options.awaitingApproval ?? false
	};
	db.insert(assignment).values(row).run();
	return row;
}

export function actorFor(db: Db, u: User): Actor {
	const child = db
		.select({ id: childProfile.id })
		.from(childProfile)
		.where(eq(childProfile.userId, u.id))
		.get();
	return actorFrom(u, child?.id ?? null);
}

/**
 * One organisation with a home and a team, a child in each, every role, and a second
 * organisation: the world the access tests ask about.
 */
export function makeWorld(db: Db) {
	const org = makeOrganisation(db);
	const home = makeUnit(db, org.id, 'home');
	const team = makeUnit(db, org.id, 'team');
	const otherHome = makeUnit(db, org.id, 'home');
	const child = makeChild(db, org.id, { homeId: home.id, teamId: team.id });
	const careLeaver = makeChild(db, org.id, { teamId: team.id, role: 'care_leaver' });
	const otherChild = makeChild(db, org.id, { homeId: otherHome.id });
	const keyWorker = makeUser(db, org.id, 'key_worker', { unitId: home.id });
	const socialWorker = makeUser(db, org.id, 'social_worker', { unitId: team.id });
	const advocate = makeUser(db, org.id, 'advocate');
	const manager = makeUser(db, org.id, 'manager', { unitId: home.id });
	const admin = makeUser(db, org.id, 'admin');
	// The care leaver's personal adviser: a key worker's help, for that person only.
	const personalAdviser = makeUser(db, org.id, 'personal_adviser', { unitId: team.id });
	assignTo(db, personalAdviser, careLeaver.profile.id, 'personal_adviser');
	assignTo(db, keyWorker, child.profile.id, 'key_worker');
	assignTo(db, socialWorker, child.profile.id, 'social_worker');
	assignTo(db, advocate, child.profile.id, 'advocate');
	const otherOrg = makeOrganisation(db);
	const otherOrgChild = makeChild(db, otherOrg.id);
	const otherOrgAdmin = makeUser(db, otherOrg.id, 'admin');
	return {
		org,
		home,
		team,
		otherHome,
		child,
		careLeaver,
		otherChild,
		keyWorker,
		socialWorker,
		advocate,
		personalAdviser,
		manager,
		admin,
		otherOrg,
		otherOrgChild,
		otherOrgAdmin
	};
}

/** A valid staff entry, to adjust per test: a fact, shared, first-hand, dated yesterday. */
export function entryInput(overrides: Partial<EntryInput> = {}): EntryInput {
	const text = overrides.body?.text ?? `Entry ${next()}`;
	return {
		kind: 'record_entry',
		title: `Title ${next()}`,
		body: docFromPlainText(text),
		eventDate: addDays(today(), -1),
		eventPrecision: 'day',
		eventLabel: null,
		sourceKind: 'first_hand',
		sourceName: null,
		sourceRelationship: null,
		nature: 'fact',
		opinionReasons: null,
		decisionBy: null,
		decisionBasis: null,
		thirdPartyPermission: false,
		visibility: 'shared',
		confidentialReason: null,
		contentNote: null,
		translation: null,
		correction: null,
		...overrides
	};
}

/** Writes and finalises an entry as `author`, the way staff do. */
export function finalEntry(
	db: Db,
	author: User,
	childId: string,
	overrides: Partial<EntryInput> = {},
	now = new Date()
) {
	const actor = actorFor(db, author);
	const draft = createDraft(db, actor, childId, entryInput(overrides), now);
	return finaliseEntry(db, actor, draft.id, null, now);
}

/** A child's own entry as the form would give it: a life event, shared with their workers. */
export function childEntryInput(overrides: Partial<ChildEntryInput> = {}): ChildEntryInput {
	return {
		kind: 'life_event',
		title: `Life event ${next()}`,
		body: docFromPlainText(`It happened ${next()}`),
		eventDate: '2019',
		eventPrecision: 'year',
		eventLabel: null,
		visibility: 'workers',
		helpedBy: null,
		details: {},
		...overrides
	};
}

/**
 * A final entry written straight in, past the forms' input rules (a staff-only disagreement, a
 * child's confidential item): for tests that readers never show what the rules say is not theirs,
 * whatever the rows hold. Still under a permit, as every write is: the author's own.
 */
export function appendRow(
	db: Db,
	author: User,
	childId: string,
	fields: Pick<Entry, 'kind' | 'visibility'> & Partial<Entry>,
	now = new Date()
): Entry {
	const actor = actorFor(db, author);
	const permit = isChildRole(actor.role)
		? requireChild(db, actor, 'writeOwn', childId, now)
		: requireChild(db, actor, 'writeRecord', childId, now);
	const body = docFromPlainText(`Row ${next()}`);
	const row = draftRow(actor, childId, now, {
		title: `Row ${next()}`,
		bodyDoc: body.doc,
		bodyText: body.text,
		eventDate: addDays(today(now), -1),
		...fields
	});
	return appendFinal(db, permit, row, now);
}
