import { and, eq, inArray, or, type SQL } from 'drizzle-orm';
import type { Db } from '../db';
import { childProfile, entry, type Entry, type EntryKind } from '../db/schema';
import type { Actor } from './actor';
import type { ChildRelation } from './relation';
import { allowsOnRelation } from './policy';
import { entryView } from './entries';
import { fullViewScope, noEntries } from './full';

/**
 * What can be linked into the formal case record (DESIGN section 3, flow 4, and section 1: the
 * social worker "links items into the case system"): a child's disagreement, and what the child
 * chose to "put in my record" (a view, a life event, a memory). Only final ones. Staff who answer
 * disagreements link them (childRules.handleDisagreements); the case system's pull API reads the
 * same items for a whole organisation.
 */
export const contributionKinds = [
	'view',
	'life_event',
	'memory'
] as const satisfies readonly EntryKind[];

type Item = Pick<
	Entry,
	| 'childId'
	| 'kind'
	| 'status'
	| 'authorUserId'
	| 'visibility'
	| 'nature'
	| 'thirdPartyPermission'
	| 'createdAt'
>;

/** The item itself, whoever asks. */
export function isLinkable(e: Pick<Entry, 'kind' | 'status' | 'visibility'>): boolean {
	return (
		e.status === 'final' &&
		(e.kind === 'disagreement' ||
			(e.visibility === 'record' && (contributionKinds as readonly EntryKind[]).includes(e.kind)))
	);
}

/** isLinkable as a condition on the entry table. */
export function linkableScope(): SQL {
	return and(
		eq(entry.status, 'final'),
		or(
			eq(entry.kind, 'disagreement'),
			and(eq(entry.visibility, 'record'), inArray(entry.kind, [...contributionKinds]))
		)
	)!;
}

/** Whether this person may link this item of this child into the case record. */
export function mayLink(actor: Actor, relation: ChildRelation, e: Item): boolean {
	return (
		allowsOnRelation(actor, 'handleDisagreements', relation) &&
		e.childId === relation.child.id &&
		isLinkable(e) &&
		entryView(actor, relation, e) === 'full'
	);
}

/** mayLink as a condition on the entry table: one child's items this person may link. */
export function linkScope(actor: Actor, relation: ChildRelation): SQL {
	if (!allowsOnRelation(actor, 'handleDisagreements', relation)) return noEntries;
	return and(fullViewScope(actor, relation), linkableScope())!;
}

/** What the case system's pull API may read: the linkable items of its organisation's children. */
export function caseSystemScope(db: Db, organisationId: string): SQL {
	return and(
		inArray(
			entry.childId,
			db
				.select({ id: childProfile.id })
				.from(childProfile)
				.where(eq(childProfile.organisationId, organisationId))
		),
		linkableScope()
	)!;
}
