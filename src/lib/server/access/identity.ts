import { and, eq, inArray, sql, type SQL } from 'drizzle-orm';
import { consentChangeRequest, profileChange } from '../db/schema';
import type { Actor } from './actor';
import type { ChildRelation } from './relation';
import { allowsOnRelation } from './policy';

/**
 * How a child is described, and their answers about sharing: who reads which history. The child
 * reads the history of the fields that are theirs (their name, pronouns and their own words);
 * staff who see the profile read every change, the profile they keep included.
 */
export const childOwnedFields = [
	'preferredName',
	'pronouns',
	'ownCulture',
	'ownReligion',
	'ownLanguages',
	'ownAboutMe'
] as const;
export type ChildOwnedField = (typeof childOwnedFields)[number];

const nothing = sql`0`;

export function seesProfileChange(
	actor: Actor,
	relation: ChildRelation,
	change: { childId: string; field: string }
): boolean {
	if (!allowsOnRelation(actor, 'viewIdentityHistory', relation)) return false;
	if (change.childId !== relation.child.id) return false;
	return !relation.own || (childOwnedFields as readonly string[]).includes(change.field);
}

/** The same rule as `seesProfileChange`, as a condition on `profile_change`. */
export function profileChangeScope(actor: Actor, relation: ChildRelation): SQL {
	if (!allowsOnRelation(actor, 'viewIdentityHistory', relation)) return nothing;
	const ofChild = eq(profileChange.childId, relation.child.id);
	return relation.own
		? and(ofChild, inArray(profileChange.field, [...childOwnedFields]))!
		: ofChild;
}

/**
 * A child's request to change an answer reaches those who record answers for that child: their
 * case workers and manager.
 */
export function seesConsentRequest(
	actor: Actor,
	relation: ChildRelation,
	request: { childId: string }
): boolean {
	return (
		request.childId === relation.child.id && allowsOnRelation(actor, 'recordConsent', relation)
	);
}

/** The same rule as `seesConsentRequest`, for the requests of several children (the inbox). */
export function consentRequestScope(actor: Actor, relations: readonly ChildRelation[]): SQL {
	const ids = relations
		.filter((r) => allowsOnRelation(actor, 'recordConsent', r))
		.map((r) => r.child.id);
	return ids.length ? inArray(consentChangeRequest.childId, ids) : nothing;
}
