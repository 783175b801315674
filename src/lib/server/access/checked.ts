import type { Db } from '../db';
import type { Entry } from '../db/schema';
import { AccessDenied, type Actor } from './actor';
import { allowsOnRelation, type ChildAction } from './policy';
import { relationToChild, type ChildRelation } from './relation';

/**
 * A relation to a child that the policy has checked for `A`, for the actor it was worked out for.
 * Only this module makes one: the brand's key is a symbol no other module can name, so code
 * elsewhere cannot build one without a cast. What writes an entry takes one, so a caller that
 * forgot to ask the policy does not compile.
 */
declare const checkedFor: unique symbol;
export type Checked<A extends ChildAction> = ChildRelation & { readonly [checkedFor]: A };

/** Returns the child when the actor may do this; throws AccessDenied otherwise. */
export function requireChild<A extends ChildAction>(
	db: Db,
	actor: Actor | null,
	action: A,
	childId: string,
	now = new Date()
): Checked<A> {
	if (!actor) throw new AccessDenied();
	const relation = relationToChild(db, actor, childId, now);
	if (!relation) throw new AccessDenied('not-found');
	return requireOnRelation(actor, action, relation);
}

/**
 * The same decision as `requireChild`, on a relation this request has just loaded for another
 * action on the same child (a page that reads and lists drafts asks the database once).
 */
export function requireOnRelation<A extends ChildAction>(
	actor: Actor,
	action: A,
	relation: ChildRelation
): Checked<A> {
	if (!allowsOnRelation(actor, action, relation)) throw new AccessDenied();
	return relation as Checked<A>;
}

/** The actions under which an entry is written into a child's record. */
export type WriteAction =
	| 'writeRecord'
	| 'writeOwn'
	| 'writeViewsWith'
	| 'disagree'
	| 'handleDisagreements'
	| 'reviewConfidential';

/** A relation checked for one of the actions that write entries: what record/write.ts asks for. */
export type WritePermit = Checked<WriteAction>;

/**
 * A row goes in under a permit only into that child's record and in the name of the person the
 * permit was checked for: a permit for one child, or one person, never writes for another.
 */
export function requireWritable(
	permit: WritePermit,
	row: Pick<Entry, 'childId' | 'authorUserId'>
): void {
	if (row.childId !== permit.child.id || row.authorUserId !== permit.actorId) {
		throw new AccessDenied();
	}
}
