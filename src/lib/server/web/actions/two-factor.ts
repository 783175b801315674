import { error, redirect, type RequestEvent } from '@sveltejs/kit';
import { getDb } from '../../db';
import * as accessLog from '../../audit/access-log';
import { isStaffRole } from '../../access/roles';
import { completeTwoFactor } from '../../auth/session';
import { setSessionCookie } from '../../auth/cookie';
import { admitSecondFactor, markSucceeded } from '../../auth/throttle';

/** The key being enrolled, sealed, on /two-factor only; sign-out removes it. */
export const enrolmentCookie = 'waymark-totp-enrolment';

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
	const admission = admitSecondFactor(db, user.id);
	if (!admission.allowed) return { ok: false, throttled: true };
	const ok = check();
	const address = event.locals.address;
	if (!ok) {
		accessLog.record(db, { actor: user, action: 'two-factor-failed', address });
		return { ok: false, throttled: false };
	}
	markSucceeded(db, admission.ticket);
	const { token } = completeTwoFactor(db, session);
	setSessionCookie(event.cookies, event.url, token);
	if (success) accessLog.record(db, { actor: user, action: success, address });
	return { ok: true };
}
