import type { Db } from '../db';
import { AccessDenied, type Actor } from './actor';
import { requireOnRelation, type Checked } from './checked';
import { allowsOnRelation, childActions, type ChildAction } from './policy';
import { relationToChild, type ChildRelation } from './relation';

/**
 * What one person may do with one child, asked once: the relation (two or three queries) and
 * every action's answer from it. A page that shows several links and reads several things of the
 * same child asks here once instead of loading the relation for each question.
 */
export type Permissions = {
	readonly actor: Actor;
	readonly relation: ChildRelation;
	readonly can: Readonly<Record<ChildAction, boolean>>;
	/** The relation checked for this action, or AccessDenied: what reads and writes take. */
	require<A extends ChildAction>(action: A): Checked<A>;
};

/**
 * One request's answers, by child id. Made fresh for every request (see auth/handle.ts), so a
 * removed assignment still counts from the next request; never kept longer.
 */
export type PermissionCache = Map<string, Permissions>;

/** The actor's permissions on a child; AccessDenied('not-found') when there is no such child. */
export function permissionsOn(
	db: Db,
	actor: Actor,
	childId: string,
	now = new Date(),
	cache?: PermissionCache
): Permissions {
	const known = cache?.get(childId);
	if (known && known.actor === actor) return known;
	const relation = relationToChild(db, actor, childId, now);
	if (!relation) throw new AccessDenied('not-found');
	const can = Object.fromEntries(
		childActions.map((action) => [action, allowsOnRelation(actor, action, relation)])
	) as Record<ChildAction, boolean>;
	const permissions: Permissions = {
		actor,
		relation,
		can,
		require: (action) => requireOnRelation(actor, action, relation)
	};
	cache?.set(childId, permissions);
	return permissions;
}
