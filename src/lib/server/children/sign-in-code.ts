import type { Db } from '../db';
import * as access from '../access';
import * as accessLog from '../audit/access-log';
import { createSignInCode } from '../auth/sign-in-code';

/** A worker, manager or administrator makes a one-time code for a child. The code is never logged. */
export function issueSignInCode(
	db: Db,
	actor: access.Actor,
	childId: string,
	address: string | null,
	now = new Date()
) {
	const relation = access.requireChild(db, actor, 'createSignInCode', childId, now);
	const issued = createSignInCode(db, relation.child.userId!, actor.id, now);
	accessLog.record(
		db,
		{
			actor: actor,
			action: 'sign-in-code-created',
			childId,
			subjectUserId: relation.child.userId,
			address
		},
		now
	);
	return { ...issued, preferredName: relation.child.preferredName };
}

export function childForSignInCode(db: Db, actor: access.Actor, childId: string, now = new Date()) {
	const relation = access.requireChild(db, actor, 'createSignInCode', childId, now);
	return { id: relation.child.id, preferredName: relation.child.preferredName };
}
