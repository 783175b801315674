import { eq } from 'drizzle-orm';
import type { Db } from '../db';
import { user, type User } from '../db/schema';
import * as accessLog from '../audit/access-log';
import { isChildRole, isStaffRole } from '../access/roles';
import * as device from './device';
import { verifyAgainstNothing, verifyPassword } from './password';
import { createSession } from './session';
import { redeemSignInCode } from './sign-in-code';
import { admitSignIn, markSucceeded } from './throttle';

export type SignInResult =
	/** `device`: the browser's device cookie from now on, which knows this account too. */
	| { outcome: 'signed-in'; token: string; user: User; device: string }
	| { outcome: 'invalid' }
	| { outcome: 'throttled'; retryAt: Date };

/** `device`: the browser's device cookie, if it has one. */
type Attempt = { username: string; secret: string; address: string; device?: string };

export function normaliseUsername(username: string): string {
	return username.trim().toLowerCase();
}

/**
 * The shared shape of both ways in: admit (the throttle counts the attempt before anything is
 * evaluated), evaluate, mark a success, log. An unknown username costs the same and answers the
 * same as a wrong password.
 */
async function attempt(
	db: Db,
	{ username, secret, address, device: cookie }: Attempt,
	now: Date,
	evaluate: (found: User | undefined) => Promise<boolean>,
	sessionOptions: (found: User) => { twoFactorVerified: boolean; viaSignInCode?: boolean }
): Promise<SignInResult> {
	const name = normaliseUsername(username);
	const found = name ? db.select().from(user).where(eq(user.username, name)).get() : undefined;
	const known = found ? device.recognise(cookie, found.id, now) : null;
	const admission = admitSignIn(db, { username: name, address, device: known }, now);
	if (!admission.allowed) {
		accessLog.record(db, { actor: found ?? null, action: 'sign-in-failed', address }, now);
		return { outcome: 'throttled', retryAt: admission.retryAt };
	}
	const active = found && found.status === 'active' ? found : undefined;
	const ok = secret.length > 0 && (await evaluate(active));
	if (!ok || !active) {
		accessLog.record(db, { actor: found ?? null, action: 'sign-in-failed', address }, now);
		return { outcome: 'invalid' };
	}
	markSucceeded(db, admission.ticket);
	const { token } = createSession(db, active.id, sessionOptions(active), now);
	accessLog.record(db, { actor: active, action: 'sign-in', address }, now);
	return {
		outcome: 'signed-in',
		token,
		user: active,
		device: device.remember(cookie, active.id, now)
	};
}

export function signInWithPassword(
	db: Db,
	input: { username: string; password: string; address: string; device?: string },
	now = new Date()
): Promise<SignInResult> {
	return attempt(
		db,
		{
			username: input.username,
			secret: input.password,
			address: input.address,
			device: input.device
		},
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
	input: { username: string; code: string; address: string; device?: string },
	now = new Date()
): Promise<SignInResult> {
	return attempt(
		db,
		{ username: input.username, secret: input.code, address: input.address, device: input.device },
		now,
		async (found) =>
			!!found && isChildRole(found.role) && redeemSignInCode(db, found.id, input.code, now),
		() => ({ twoFactorVerified: true, viaSignInCode: true })
	);
}
