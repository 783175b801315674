import { eq } from 'drizzle-orm';
import type { Db } from '../db';
import { user, type User } from '../db/schema';
import * as accessLog from '../audit/access-log';
import { isChildRole, isStaffRole } from '../access/roles';
import { verifyAgainstNothing, verifyPassword } from './password';
import { createSession } from './session';
import { redeemSignInCode } from './sign-in-code';
import {
	accountPolicy,
	addressPolicy,
	checkThrottle,
	recordAttempt,
	throttleKey
} from './throttle';

export type SignInResult =
	| { outcome: 'signed-in'; token: string; user: User }
	| { outcome: 'invalid' }
	| { outcome: 'throttled'; retryAt: Date };

type Attempt = { username: string; secret: string; address: string };

export function normaliseUsername(username: string): string {
	return username.trim().toLowerCase();
}

/**
 * The shared shape of both ways in: throttle by account and by address, evaluate, record, log.
 * An unknown username costs the same and answers the same as a wrong password.
 */
async function attempt(
	db: Db,
	{ username, secret, address }: Attempt,
	now: Date,
	evaluate: (found: User | undefined) => Promise<boolean>,
	sessionOptions: (found: User) => { twoFactorVerified: boolean; viaSignInCode?: boolean }
): Promise<SignInResult> {
	const name = normaliseUsername(username);
	const keys = [throttleKey.account(name), throttleKey.address(address)];
	const states = [
		checkThrottle(db, keys[0]!, accountPolicy, now),
		checkThrottle(db, keys[1]!, addressPolicy, now)
	];
	const found = name ? db.select().from(user).where(eq(user.username, name)).get() : undefined;
	const blocked = states.filter((s) => !s.allowed);
	if (blocked.length > 0) {
		accessLog.record(db, { actor: found ?? null, action: 'sign-in-failed', address }, now);
		const retryAt = new Date(
			Math.max(...blocked.map((s) => (s.allowed ? 0 : s.retryAt.getTime())))
		);
		return { outcome: 'throttled', retryAt };
	}
	const active = found && found.status === 'active' ? found : undefined;
	const ok = secret.length > 0 && (await evaluate(active));
	for (const key of keys) recordAttempt(db, key, ok, now);
	if (!ok || !active) {
		accessLog.record(db, { actor: found ?? null, action: 'sign-in-failed', address }, now);
		return { outcome: 'invalid' };
	}
	const { token } = createSession(db, active.id, sessionOptions(active), now);
	accessLog.record(db, { actor: active, action: 'sign-in', address }, now);
	return { outcome: 'signed-in', token, user: active };
}

export function signInWithPassword(
	db: Db,
	input: { username: string; password: string; address: string },
	now = new Date()
): Promise<SignInResult> {
	return attempt(
		db,
		{ username: input.username, secret: input.password, address: input.address },
		now,
		async (found) =>
			found?.passwordHash
				? verifyPassword(found.passwordHash, input.password)
				: verifyAgainstNothing(input.password),
		(found) => ({ twoFactorVerified: !isStaffRole(found.role) })
	);
}

/** Children and care leavers only: a one-time code a worker made for them. */
export function signInWithCode(
	db: Db,
	input: { username: string; code: string; address: string },
	now = new Date()
): Promise<SignInResult> {
	return attempt(
		db,
		{ username: input.username, secret: input.code, address: input.address },
		now,
		async (found) =>
			!!found && isChildRole(found.role) && redeemSignInCode(db, found.id, input.code, now),
		() => ({ twoFactorVerified: true, viaSignInCode: true })
	);
}
