import type { Handle } from '@sveltejs/kit';
import { getDb } from '../db';
import { isStaffRole } from '../access/roles';
import { actorFrom, type Actor } from '../access';
import { deleteSessionCookie, sessionCookieName } from './cookie';
import { validateSessionToken, type SessionUser } from './session';

export function actorOf(user: SessionUser): Actor {
	return actorFrom(user, user.childId);
}

function clientAddress(get: () => string): string {
	try {
		return get();
	} catch {
		return 'unknown';
	}
}

/** Reads the session cookie. `locals.actor` is set only when every sign-in step is done. */
export const auth: Handle = async ({ event, resolve }) => {
	event.locals.user = null;
	event.locals.session = null;
	event.locals.actor = null;
	event.locals.permissions = new Map();
	event.locals.address = clientAddress(event.getClientAddress);
	const token = event.cookies.get(sessionCookieName(event.url));
	if (token) {
		const valid = validateSessionToken(getDb(), token);
		if (valid) {
			event.locals.user = valid.user;
			event.locals.session = valid.session;
			const complete =
				(valid.session.twoFactorVerified || !isStaffRole(valid.user.role)) &&
				valid.user.hasPassword &&
				!valid.user.mustChangePassword &&
				!valid.session.viaSignInCode;
			if (complete) event.locals.actor = actorOf(valid.user);
		} else {
			deleteSessionCookie(event.cookies, event.url);
		}
	}
	return resolve(event);
};
