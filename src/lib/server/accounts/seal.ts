import { and, desc, eq, gt } from 'drizzle-orm';
import type { Db } from '../db';
import { accessLog, user } from '../db/schema';
import * as access from '../access';
import * as log from '../audit/access-log';
import { verifyPassword } from '../auth/password';
import { accountPolicy, admitCheck, markSucceeded, throttleKey } from '../auth/throttle';

/**
 * What the child is told on their home page after someone signed in to their account with a
 * one-time code, and how they get their "just me" things back at once: by typing the passphrase
 * they had before the code. See docs/security.md, "A worker cannot become the child".
 */

/** A code's use stays on the child's home page this long. */
export const codeNoticeDays = 30;
const day = 24 * 60 * 60 * 1000;

export type CodeUse = { at: Date; madeBy: string | null; madeByRole: string | null };
export type CodeNotice = { uses: CodeUse[]; sealedUntil: Date | null };

function ownAccount(db: Db, actor: access.Actor, now: Date): string {
	if (!actor.childId) throw new access.AccessDenied();
	access.requireChild(db, actor, 'viewAccessLog', actor.childId, now);
	return actor.childId;
}

/** Sign-in codes used on this account in the last 30 days, newest first, and the seal if any. */
export function codeNotice(db: Db, actor: access.Actor, now = new Date()): CodeNotice {
	ownAccount(db, actor, now);
	const uses = db
		.select({ at: accessLog.at, madeBy: user.displayName, madeByRole: user.role })
		.from(accessLog)
		.leftJoin(user, eq(user.id, accessLog.subjectUserId))
		.where(
			and(
				eq(accessLog.actorUserId, actor.id),
				eq(accessLog.action, 'sign-in-code-used'),
				gt(accessLog.at, new Date(now.getTime() - codeNoticeDays * day))
			)
		)
		.orderBy(desc(accessLog.at), desc(accessLog.id))
		.limit(10)
		.all();
	// From the account, not the actor: right after unsealing, this request's actor is still sealed.
	const row = db
		.select({ until: user.privateSealedUntil })
		.from(user)
		.where(eq(user.id, actor.id))
		.get();
	return { uses, sealedUntil: access.sealAt(row?.until, now)?.until ?? null };
}

export type UnsealResult = 'unsealed' | 'wrong' | 'throttled' | 'not-sealed';

/**
 * The child types the passphrase they had before the code: if it is right, the seal ends now and
 * the old hash is forgotten. Throttled per account like signing in, and logged.
 */
export async function unsealPrivate(
	db: Db,
	actor: access.Actor,
	typed: string,
	address: string | null,
	now = new Date()
): Promise<UnsealResult> {
	ownAccount(db, actor, now);
	const row = db.select().from(user).where(eq(user.id, actor.id)).get();
	const sealed = access.sealAt(row?.privateSealedUntil, now);
	if (!row || !sealed || !row.previousPasswordHash) return 'not-sealed';
	// Counted before the passphrase is checked, so guesses sent together are counted together.
	const admission = admitCheck(db, throttleKey.unseal(row.id), accountPolicy, now);
	if (!admission.allowed) return 'throttled';
	const ok = typed.length > 0 && (await verifyPassword(row.previousPasswordHash, typed));
	if (!ok) return 'wrong';
	markSucceeded(db, admission.ticket);
	db.transaction((tx) => {
		tx.update(user)
			.set({ privateSealedUntil: null, previousPasswordHash: null, updatedAt: now })
			.where(eq(user.id, row.id))
			.run();
		log.record(
			tx,
			{ actor, action: 'private-unsealed', childId: actor.childId, subjectUserId: row.id, address },
			now
		);
	});
	return 'unsealed';
}
