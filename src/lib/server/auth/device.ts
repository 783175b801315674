import { createHmac, timingSafeEqual } from 'node:crypto';
import { deriveKey } from '../crypto/secret';
import { randomId } from '../crypto/random';

/**
 * Device cookies (OWASP, "Slow Down Online Guessing Attacks with Device Cookies"): a browser that
 * has signed in to an account before carries a signed note of it, and its attempts for that account
 * are limited on their own, apart from everyone else's. One entry per account, so a tablet shared
 * by the children of a home knows each of them. An entry is `nonce.issued.mac`: the MAC binds the
 * nonce and the time to the account's id, which is never in the cookie.
 */
export const deviceLifetime = 180 * 24 * 3600 * 1000;
/** Accounts one browser remembers; the oldest is forgotten first. */
export const devicesPerBrowser = 10;

const separator = '~';
const entryPattern = /^([a-z2-7]{24})\.([0-9a-z]{1,11})\.([A-Za-z0-9_-]{43})$/;

type Entry = { nonce: string; issuedAt: number; mac: string; text: string };

function sign(userId: string, nonce: string, issuedAt: number): string {
	return createHmac('sha256', deriveKey('device-cookie'))
		.update(`${userId}\n${nonce}\n${issuedAt}`)
		.digest('base64url');
}

function entries(cookie: string | undefined): Entry[] {
	if (!cookie) return [];
	return cookie
		.split(separator, devicesPerBrowser)
		.map((text) => ({ text, match: entryPattern.exec(text) }))
		.flatMap(({ text, match }) =>
			match ? [{ nonce: match[1]!, issuedAt: parseInt(match[2]!, 36), mac: match[3]!, text }] : []
		);
}

function live(entry: Entry, now: Date): boolean {
	const age = now.getTime() - entry.issuedAt;
	return age >= 0 && age < deviceLifetime;
}

function isFor(entry: Entry, userId: string): boolean {
	const expected = Buffer.from(sign(userId, entry.nonce, entry.issuedAt));
	const actual = Buffer.from(entry.mac);
	return expected.length === actual.length && timingSafeEqual(expected, actual);
}

/** This browser's id for the account (its entry's nonce), if the cookie holds a live entry for it. */
export function recognise(
	cookie: string | undefined,
	userId: string,
	now = new Date()
): string | null {
	return entries(cookie).find((e) => live(e, now) && isFor(e, userId))?.nonce ?? null;
}

/** The cookie after a sign-in to the account: a fresh entry first, then the others still live. */
export function remember(cookie: string | undefined, userId: string, now = new Date()): string {
	const nonce = randomId();
	const issuedAt = now.getTime();
	const fresh = `${nonce}.${issuedAt.toString(36)}.${sign(userId, nonce, issuedAt)}`;
	const others = entries(cookie).filter((e) => live(e, now) && !isFor(e, userId));
	return [fresh, ...others.map((e) => e.text)].slice(0, devicesPerBrowser).join(separator);
}
