import { eq } from 'drizzle-orm';
import type { Db } from '../db';
import { user } from '../db/schema';
import * as accessLog from '../audit/access-log';
import { checkPassword, hashPassword, verifyPassword } from '../auth/password';
import { createSession, invalidateUserSessions, type SessionUser } from '../auth/session';
import { privateSealDuration } from '../access';
import { AccountError } from './errors';

type Change = {
	/** Required unless the person has just signed in with a one-time code. */
	current: string | null;
	next: string;
	confirm: string;
	/** The person signed in with a one-time code: see `sealAfterCode`. */
	afterSignInCode?: boolean;
};

/**
 * A passphrase set after a one-time code on an account that had one: the old hash is kept (typing
 * it proves the child used the code) and the child's private things are sealed for a day. A
 * second code during a seal keeps the passphrase from before the first: that is the child's.
 */
function sealAfterCode(row: typeof user.$inferSelect, now: Date) {
	if (!row.passwordHash) return {};
	const sealed = row.privateSealedUntil !== null && row.privateSealedUntil > now;
	return {
		previousPasswordHash:
			sealed && row.previousPasswordHash ? row.previousPasswordHash : row.passwordHash,
		privateSealedUntil: new Date(now.getTime() + privateSealDuration)
	};
}

/**
 * Sets a new password or passphrase. Every session of the account ends, including this one, and
 * a fresh session is returned for the person who made the change.
 */
export async function changePassword(
	db: Db,
	person: SessionUser,
	change: Change,
	address: string | null,
	now = new Date()
): Promise<{ token: string }> {
	const row = db.select().from(user).where(eq(user.id, person.id)).get();
	if (!row || row.status !== 'active') throw new AccountError('form.invalid');
	if (change.current !== null) {
		if (!row.passwordHash || !(await verifyPassword(row.passwordHash, change.current))) {
			throw new AccountError('password.currentWrong', 'current');
		}
	}
	const problem = checkPassword(change.next, row.role, row.username);
	if (problem) throw new AccountError(`password.${problem}`, 'next');
	if (change.next !== change.confirm) throw new AccountError('password.mismatch', 'confirm');
	const passwordHash = await hashPassword(change.next);
	return db.transaction((tx) => {
		tx.update(user)
			.set({
				passwordHash,
				mustChangePassword: false,
				updatedAt: now,
				...(change.afterSignInCode ? sealAfterCode(row, now) : {})
			})
			.where(eq(user.id, row.id))
			.run();
		invalidateUserSessions(tx, row.id);
		accessLog.record(
			tx,
			{
				actor: row,
				action: 'password-changed',
				subjectUserId: row.id,
				address
			},
			now
		);
		// The person just proved who they are (and staff passed their second factor to get here).
		const { token } = createSession(tx, row.id, { twoFactorVerified: true }, now);
		return { token };
	});
}
