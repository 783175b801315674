import { and, eq, isNull, lt, or } from 'drizzle-orm';
import { createTOTPKeyURI, generateHOTP } from '@oslojs/otp';
import { encodeBase32UpperCaseNoPadding } from '@oslojs/encoding';
import { constantTimeEqual } from '@oslojs/crypto/subtle';
import { renderSVG } from 'uqr';
import type { Db } from '../db';
import { user } from '../db/schema';
import { seal, unseal } from '../crypto/secret';

export const period = 30;
const digits = 6;
const purpose = 'totp-key';

export function generateTotpKey(): Uint8Array {
	const key = new Uint8Array(20);
	crypto.getRandomValues(key);
	return key;
}

export function stepAt(now: Date): number {
	return Math.floor(now.getTime() / 1000 / period);
}

export function codeForStep(key: Uint8Array, step: number): string {
	return generateHOTP(key, BigInt(step), digits);
}

/**
 * The step a code belongs to, if it is the current step's or the one before it (a little clock
 * drift, or typing slowly); codes older than that are refused, and so is any step not after
 * `lastStep`, so that a code is accepted once only.
 */
export function matchStep(
	key: Uint8Array,
	code: string,
	now: Date,
	lastStep: number | null
): number | null {
	const typed = new TextEncoder().encode(code.replace(/\s+/g, ''));
	const current = stepAt(now);
	for (const step of [current, current - 1]) {
		if (lastStep !== null && step <= lastStep) continue;
		if (constantTimeEqual(typed, new TextEncoder().encode(codeForStep(key, step)))) return step;
	}
	return null;
}

export function enrolment(key: Uint8Array, username: string) {
	const uri = createTOTPKeyURI('Waymark', username, key, period, digits);
	return {
		keyText: encodeBase32UpperCaseNoPadding(key)
			.replace(/(.{4})/g, '$1 ')
			.trim(),
		qrSvg: renderSVG(uri, { border: 2 })
	};
}

/** Claims a step atomically: two requests with the same code cannot both succeed. */
function claimStep(db: Db, userId: string, step: number, sealedKey?: string): boolean {
	const result = db
		.update(user)
		.set({ totpLastStep: step, ...(sealedKey ? { totpKey: sealedKey } : {}) })
		.where(and(eq(user.id, userId), or(isNull(user.totpLastStep), lt(user.totpLastStep, step))))
		.run();
	return result.changes === 1;
}

/** First sign-in: the code proves the person's authenticator holds the key before we keep it. */
export function enrolTotp(db: Db, userId: string, key: Uint8Array, code: string, now = new Date()) {
	const row = db.select({ last: user.totpLastStep }).from(user).where(eq(user.id, userId)).get();
	const step = matchStep(key, code, now, row?.last ?? null);
	return step !== null && claimStep(db, userId, step, seal(key, purpose));
}

export function verifyTotp(db: Db, userId: string, code: string, now = new Date()): boolean {
	const row = db
		.select({ key: user.totpKey, last: user.totpLastStep })
		.from(user)
		.where(eq(user.id, userId))
		.get();
	if (!row?.key) return false;
	const step = matchStep(unseal(row.key, purpose), code, now, row.last);
	return step !== null && claimStep(db, userId, step);
}

export function resetTotp(db: Db, userId: string): void {
	db.update(user).set({ totpKey: null, totpLastStep: null }).where(eq(user.id, userId)).run();
}

export function encodeKey(key: Uint8Array): string {
	return Buffer.from(key).toString('base64url');
}

export function decodeKey(text: string): Uint8Array | null {
	const key = new Uint8Array(Buffer.from(text, 'base64url'));
	return key.length === 20 ? key : null;
}
