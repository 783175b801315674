import { and, eq, type SQL } from 'drizzle-orm';
import { entry, type Entry, type EntryKind, type Visibility } from '../db/schema';
import type { Actor } from './actor';
import type { ChildRelation } from './relation';
import { allowsOnRelation, type ChildAction } from './policy';
import { entryView } from './entries';
import { fullViewScope, noEntries } from './full';

/**
 * "I disagree" (DESIGN section 3, flow 4: "on any shared entry"): what staff wrote for the child
 * to read. A record entry, a decision, a correction, and "you said, we did" (the staff answer to
 * a child's view, shared with the child, which can be as wrong as any entry). Not the steps that
 * answer a disagreement (those are the disagreement's own, which the child follows to the end),
 * nor a case-record link, a manager's confidential release (staff matter), or the child's own
 * kinds. Four kinds: the staff record page offered it on three, leaving "you said, we did" out.
 */
export const disputableKinds = [
	'record_entry',
	'decision',
	'correction',
	'view_response'
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

/**
 * Whether this person (the child, or their advocate with them) may say they disagree with this
 * entry: a final entry of a disputable kind that they read in full. `releasedTo`: where a manager
 * moved a confidential item, if they did (moved to "shared", the child reads it like any other).
 */
export function mayDispute(
	actor: Actor,
	relation: ChildRelation,
	e: Item,
	releasedTo: Visibility | null = null
): boolean {
	return (
		allowsOnRelation(actor, 'disagree', relation) &&
		e.childId === relation.child.id &&
		e.status === 'final' &&
		(disputableKinds as readonly EntryKind[]).includes(e.kind) &&
		entryView(actor, relation, e, releasedTo) === 'full'
	);
}

/**
 * The sent disagreements about one entry. Once there is one, the entry is not disputed again:
 * the child (and their advocate) follow that one to its end, and the entry shows its progress
 * instead of "I disagree".
 */
export function disagreementsAbout(entryId: string): SQL {
	return and(
		eq(entry.kind, 'disagreement'),
		eq(entry.status, 'final'),
		eq(entry.supersedesId, entryId)
	)!;
}

/** Who reaches a disagreement: to read it (`viewRecord`) or to answer and link it. */
type DisagreementAction = Extract<ChildAction, 'viewRecord' | 'handleDisagreements'>;

/** A disagreement this person may open (or answer): a sent one, that they see in full. */
export function seesDisagreement(
	actor: Actor,
	relation: ChildRelation,
	e: Item,
	action: DisagreementAction = 'viewRecord'
): boolean {
	return (
		allowsOnRelation(actor, action, relation) &&
		e.childId === relation.child.id &&
		e.kind === 'disagreement' &&
		e.status === 'final' &&
		entryView(actor, relation, e) === 'full'
	);
}

/** The same rule as seesDisagreement, as a condition on the entry table: a child's list. */
export function disagreementScope(
	actor: Actor,
	relation: ChildRelation,
	action: DisagreementAction = 'viewRecord'
): SQL {
	if (!allowsOnRelation(actor, action, relation)) return noEntries;
	return and(
		fullViewScope(actor, relation),
		eq(entry.kind, 'disagreement'),
		eq(entry.status, 'final')
	)!;
}
