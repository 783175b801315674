import { eq } from 'drizzle-orm';
import type { Db } from '../db';
import { user } from '../db/schema';
import * as access from '../access';
import * as accessLog from '../audit/access-log';
import { createSignInCode } from '../auth/sign-in-code';
import { wayBack } from './way-back';

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

/** The child a code is for, with the username the code sign-in asks for, and the way back. */
export function childForSignInCode(db: Db, actor: access.Actor, childId: string, now = new Date()) {
	const relation = access.requireChild(db, actor, 'createSignInCode', childId, now);
	const account = db
		.select({ username: user.username })
		.from(user)
		.where(eq(user.id, relation.child.userId!))
		.get();
	return {
		id: relation.child.id,
		preferredName: relation.child.preferredName,
		username: account?.username ?? '',
		back: wayBack(db, actor, relation)
	};
}
