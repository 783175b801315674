import { and, eq, exists, inArray, notExists, or, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/sqlite-core';
import type { Db } from '../db';
import { childProfile, entry, type Entry, type Visibility } from '../db/schema';
import type { Actor } from './actor';
import type { ChildRelation } from './relation';
import { allows, allowsOnRelation } from './policy';
import { isNewAccount } from './duties';
import { noEntries } from './full';

/**
 * The manager's confidential review (DESIGN section 1: the manager owns the confidential
 * section): final items still lodged there, in the records of the children of the manager's own
 * home or team, for a manager whose account is not new. An item a manager has moved out (a
 * `confidential_release` names it) has left the review.
 */

/** `released`: whether a manager has already moved this item out of the section. */
export function inConfidentialReview(
	actor: Actor,
	relation: ChildRelation,
	e: Pick<Entry, 'childId' | 'status' | 'visibility'>,
	released: boolean
): boolean {
	return (
		allowsOnRelation(actor, 'reviewConfidential', relation) &&
		e.childId === relation.child.id &&
		e.status === 'final' &&
		e.visibility === 'confidential' &&
		!released
	);
}

const release = alias(entry, 'release');

/** The same rule as a condition on the entry table, over every child the manager may review. */
export function confidentialReviewScope(db: Db, actor: Actor, now = new Date()): SQL {
	if (!allows(actor, 'reviewConfidential') || !actor.unitId) return noEntries;
	if (isNewAccount(db, actor.id, now)) return noEntries;
	const unitChildren = db
		.select({ id: childProfile.id })
		.from(childProfile)
		.where(
			and(
				eq(childProfile.organisationId, actor.organisationId),
				or(eq(childProfile.homeId, actor.unitId), eq(childProfile.teamId, actor.unitId))
			)
		);
	return and(
		inArray(entry.childId, unitChildren),
		eq(entry.status, 'final'),
		eq(entry.visibility, 'confidential'),
		notExists(
			db
				.select({ id: release.id })
				.from(release)
				.where(
					and(
						eq(release.supersedesId, entry.id),
						eq(release.kind, 'confidential_release'),
						eq(release.status, 'final')
					)
				)
		)
	)!;
}

/**
 * Where an item is now: one a manager moved out of the confidential section is where the move put
 * it (`releasedTo`, the release's visibility), as entryView reads it; the rest, where written.
 */
export function visibilityNow(
	e: Pick<Entry, 'visibility'>,
	releasedTo: Visibility | null
): Visibility {
	return e.visibility === 'confidential' && releasedTo && releasedTo !== 'confidential'
		? releasedTo
		: e.visibility;
}

/** The same rule as a condition on the entry table: the entries whose visibility is now `v`. */
export function visibilityNowScope(db: Db, v: Visibility): SQL {
	const releases = (to?: Visibility) =>
		db
			.select({ id: release.id })
			.from(release)
			.where(
				and(
					eq(release.supersedesId, entry.id),
					eq(release.kind, 'confidential_release'),
					eq(release.status, 'final'),
					to ? eq(release.visibility, to) : undefined
				)
			);
	if (v === 'confidential') {
		return and(eq(entry.visibility, 'confidential'), notExists(releases()))!;
	}
	return or(
		eq(entry.visibility, v),
		and(eq(entry.visibility, 'confidential'), exists(releases(v)))
	)!;
}
