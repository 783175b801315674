import { fail, redirect, type RequestEvent } from '@sveltejs/kit';
import { getDb } from '../../db';
import type { SignInResult } from '../../auth/sign-in';
import {
	deleteSessionCookie,
	readDeviceCookie,
	setDeviceCookie,
	setSessionCookie
} from '../../auth/cookie';
import { invalidateSession } from '../../auth/session';

/** Ends whatever session this browser had, so every sign-in starts a new one (no fixation). */
export function endCurrentSession(event: RequestEvent): void {
	if (event.locals.session) invalidateSession(getDb(), event.locals.session.id);
	deleteSessionCookie(event.cookies, event.url);
}

/** Who is signing in, as the sign-in functions take it: the address, and this browser's device cookie. */
export function signInContext(event: RequestEvent): { address: string; device?: string } {
	return { address: event.locals.address, device: readDeviceCookie(event.cookies, event.url) };
}

/** The same answer for an unknown username as for a wrong password or code. */
export function answerSignIn(event: RequestEvent, result: SignInResult, username: string) {
	if (result.outcome === 'throttled') {
		const minutes = Math.max(1, Math.ceil((result.retryAt.getTime() - Date.now()) / 60000));
		return fail(429, { username, message: 'signIn.throttled', minutes });
	}
	if (result.outcome === 'invalid')
		return fail(400, { username, message: 'signIn.invalid', minutes: 0 });
	setSessionCookie(event.cookies, event.url, result.token);
	setDeviceCookie(event.cookies, event.url, result.device);
	redirect(303, '/');
}
