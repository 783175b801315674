import type { Entry } from '../db/schema';
import type { Actor } from './actor';
import type { ChildRelation } from './relation';
import { allows, allowsOnRelation } from './policy';
import { entryView } from './entries';

/**
 * Marking something read in one's inbox: only a final entry of a child whose record this person
 * may read, that they see in full. Someone who is not the child's worker cannot write a row about
 * the child's item, nor learn by trying whether an entry exists.
 */
export function mayMarkRead(
	actor: Actor,
	relation: ChildRelation,
	e: Pick<
		Entry,
		| 'childId'
		| 'kind'
		| 'status'
		| 'authorUserId'
		| 'visibility'
		| 'nature'
		| 'thirdPartyPermission'
		| 'createdAt'
	>
): boolean {
	return (
		allows(actor, 'viewInbox') &&
		allowsOnRelation(actor, 'viewRecord', relation) &&
		e.childId === relation.child.id &&
		e.status === 'final' &&
		entryView(actor, relation, e) === 'full'
	);
}
