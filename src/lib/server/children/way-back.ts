import type { Db } from '../db';
import * as access from '../access';

/**
 * Where a page about one child (its sign-in code, its workers) leads back to: the child's page
 * for those who may open the record, else the child's account for those who manage it (an
 * administrator, a new manager). The policy answers both; null when it allows neither.
 */
export type WayBack = { to: 'child' | 'account'; href: string } | null;

export function wayBack(db: Db, actor: access.Actor, relation: access.ChildRelation): WayBack {
	const child = relation.child;
	if (access.allowsOnRelation(actor, 'viewRecord', relation)) {
		return { to: 'child', href: `/children/${child.id}` };
	}
	if (child.userId && access.allowsAccount(db, actor, 'view', child.userId)) {
		return { to: 'account', href: `/accounts/${child.userId}` };
	}
	return null;
}
