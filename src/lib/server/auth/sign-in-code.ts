import { and, eq, gt, isNull } from 'drizzle-orm';
import { sha256 } from '@oslojs/crypto/sha2';
import { encodeHexLowerCase } from '@oslojs/encoding';
import type { Db } from '../db';
import { childProfile, signInCode, user } from '../db/schema';
import { randomId, randomString } from '../crypto/random';
import * as accessLog from '../audit/access-log';

export const codeLifetime = 10 * 60 * 1000;
/** No 0/O, 1/I/L: a child copies this from a worker's screen or a note. */
const alphabet = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';
const length = 8;

function hashCode(code: string): string {
	return encodeHexLowerCase(sha256(new TextEncoder().encode(code)));
}

export function normaliseCode(typed: string): string {
	return typed.toUpperCase().replace(/[\s-]+/g, '');
}

/** Makes a new code for a child's account; any older unused code stops working. */
export function createSignInCode(
	db: Db,
	userId: string,
	createdBy: string,
	now = new Date()
): { code: string; expiresAt: Date } {
	const code = randomString(alphabet, length);
	const expiresAt = new Date(now.getTime() + codeLifetime);
	db.transaction((tx) => {
		tx.update(signInCode)
			.set({ usedAt: now })
			.where(and(eq(signInCode.userId, userId), isNull(signInCode.usedAt)))
			.run();
		tx.insert(signInCode)
			.values({
				id: randomId(),
				userId,
				codeHash: hashCode(code),
				createdBy,
				createdAt: now,
				expiresAt
			})
			.run();
	});
	return { code: `${code.slice(0, 4)}-${code.slice(4)}`, expiresAt };
}

/**
 * Uses a code once: true only for the first use of a live code for this account. The use is
 * logged for the child to see, naming whoever made the code.
 */
export function redeemSignInCode(db: Db, userId: string, typed: string, now = new Date()): boolean {
	const used = db
		.update(signInCode)
		.set({ usedAt: now })
		.where(
			and(
				eq(signInCode.userId, userId),
				eq(signInCode.codeHash, hashCode(normaliseCode(typed))),
				isNull(signInCode.usedAt),
				gt(signInCode.expiresAt, now)
			)
		)
		.returning({ createdBy: signInCode.createdBy })
		.all();
	if (used.length !== 1) return false;
	const account = db.select().from(user).where(eq(user.id, userId)).get();
	const child = db
		.select({ id: childProfile.id })
		.from(childProfile)
		.where(eq(childProfile.userId, userId))
		.get();
	accessLog.record(
		db,
		{
			actor: account ?? null,
			action: 'sign-in-code-used',
			childId: child?.id ?? null,
			subjectUserId: used[0]!.createdBy
		},
		now
	);
	return true;
}
