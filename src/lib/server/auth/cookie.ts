import type { Cookies } from '@sveltejs/kit';
import { deviceLifetime } from './device';

/** `__Host-` when served over HTTPS: the browser then refuses any other site or path setting it. */
export function sessionCookieName(url: URL): string {
	return url.protocol === 'https:' ? '__Host-waymark-session' : 'waymark-session';
}

/** A browser-session cookie: closing the browser on a shared tablet ends it too. */
export function setSessionCookie(cookies: Cookies, url: URL, token: string): void {
	cookies.set(sessionCookieName(url), token, {
		path: '/',
		httpOnly: true,
		sameSite: 'lax',
		secure: url.protocol === 'https:'
	});
}

export function deleteSessionCookie(cookies: Cookies, url: URL): void {
	cookies.delete(sessionCookieName(url), {
		path: '/',
		httpOnly: true,
		sameSite: 'lax',
		secure: url.protocol === 'https:'
	});
}

/** The device cookie (see device.ts): lasts as long as its newest entry, named as the session's. */
export function deviceCookieName(url: URL): string {
	return url.protocol === 'https:' ? '__Host-waymark-device' : 'waymark-device';
}

export function readDeviceCookie(cookies: Cookies, url: URL): string | undefined {
	return cookies.get(deviceCookieName(url));
}

export function setDeviceCookie(cookies: Cookies, url: URL, value: string): void {
	cookies.set(deviceCookieName(url), value, {
		path: '/',
		httpOnly: true,
		sameSite: 'lax',
		secure: url.protocol === 'https:',
		maxAge: deviceLifetime / 1000
	});
}
