import { error, redirect, type RequestEvent } from '@sveltejs/kit';
import { getDb } from '../db';
import * as accessLog from '../audit/access-log';
import { isStaffRole } from '../access/roles';
import { completeTwoFactor } from '../auth/session';
import { setSessionCookie } from '../auth/cookie';
import { accountPolicy, checkThrottle, recordAttempt, throttleKey } from '../auth/throttle';

/** Staff part-way through signing in: the only people these pages are for. */
export function requireSecondFactorDue(locals: App.Locals) {
	const { user, session } = locals;
	if (!user || !session) redirect(303, '/sign-in');
	if (!isStaffRole(user.role)) error(403, 'error.status403');
	if (session.twoFactorVerified) redirect(303, '/');
	return { user, session };
}

/**
 * Checks a code under the same throttling as passwords, and completes the sign-in when it is
 * right, with a new session token. `check` does the checking (against the stored key, or the key being enrolled).
 */
export function completeSecondFactor(
	event: RequestEvent,
	check: () => boolean,
	success: 'two-factor-enrolled' | null
): { ok: true } | { ok: false; throttled: boolean } {
	const { user, session } = requireSecondFactorDue(event.locals);
	const db = getDb();
	const key = throttleKey.totp(user.id);
	if (!checkThrottle(db, key, accountPolicy).allowed) return { ok: false, throttled: true };
	const ok = check();
	recordAttempt(db, key, ok);
	const address = event.locals.address;
	if (!ok) {
		accessLog.record(db, { actor: user, action: 'two-factor-failed', address });
		return { ok: false, throttled: false };
	}
	const { token } = completeTwoFactor(db, session);
	setSessionCookie(event.cookies, event.url, token);
	if (success) accessLog.record(db, { actor: user, action: success, address });
	return { ok: true };
}
