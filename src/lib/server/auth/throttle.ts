import { and, count, desc, eq, gt, lt } from 'drizzle-orm';
import type { Db } from '../db';
import { signInAttempt } from '../db/schema';

export type ThrottlePolicy = {
	/** Failures allowed before any delay. */
	free: number;
	/** The first delay; each further failure doubles it, up to maxDelay. */
	baseDelay: number;
	maxDelay: number;
	/** Failures evaluated per rolling hour, whatever the delays. */
	perHour: number;
};

const second = 1000;
const hour = 3600 * second;

/** Per account: a slow trickle for an attacker, a short wait for the real person. No lock-out. */
export const accountPolicy: ThrottlePolicy = {
	free: 5,
	baseDelay: second,
	maxDelay: 5 * 60 * second,
	perHour: 100
};

/** Per address: generous, because the children of a home share one address. */
export const addressPolicy: ThrottlePolicy = {
	free: 30,
	baseDelay: second,
	maxDelay: 60 * second,
	perHour: 1000
};

export type ThrottleState = { allowed: true } | { allowed: false; retryAt: Date };

/** May an attempt for this key be evaluated now? Refused attempts are not counted. */
export function checkThrottle(
	db: Db,
	key: string,
	policy: ThrottlePolicy,
	now = new Date()
): ThrottleState {
	const since = new Date(now.getTime() - hour);
	const recent = db
		.select({ at: signInAttempt.at, succeeded: signInAttempt.succeeded })
		.from(signInAttempt)
		.where(and(eq(signInAttempt.key, key), gt(signInAttempt.at, since)))
		.orderBy(desc(signInAttempt.at), desc(signInAttempt.id))
		.all();
	const failures = recent.filter((a) => !a.succeeded);
	if (failures.length >= policy.perHour) {
		// Wait until the oldest failure that keeps the count at the limit leaves the hour.
		const pivot = failures[policy.perHour - 1]!;
		return { allowed: false, retryAt: new Date(pivot.at.getTime() + hour) };
	}
	const lastSuccess = recent.findIndex((a) => a.succeeded);
	const consecutive = lastSuccess === -1 ? recent.length : lastSuccess;
	if (consecutive < policy.free) return { allowed: true };
	const delay = Math.min(policy.baseDelay * 2 ** (consecutive - policy.free), policy.maxDelay);
	const retryAt = new Date(recent[0]!.at.getTime() + delay);
	return retryAt > now ? { allowed: false, retryAt } : { allowed: true };
}

export function recordAttempt(db: Db, key: string, succeeded: boolean, now = new Date()): void {
	db.insert(signInAttempt).values({ key, at: now, succeeded }).run();
}

/** Attempts older than a day no longer matter to any policy. */
export function pruneAttempts(db: Db, now = new Date()): number {
	const cutoff = new Date(now.getTime() - 24 * hour);
	return db.delete(signInAttempt).where(lt(signInAttempt.at, cutoff)).run().changes;
}

export function failuresInLastHour(db: Db, key: string, now = new Date()): number {
	const since = new Date(now.getTime() - hour);
	const row = db
		.select({ n: count() })
		.from(signInAttempt)
		.where(
			and(
				eq(signInAttempt.key, key),
				gt(signInAttempt.at, since),
				eq(signInAttempt.succeeded, false)
			)
		)
		.get();
	return row?.n ?? 0;
}

export const throttleKey = {
	account: (username: string) => `account:${username}`,
	address: (address: string) => `address:${address}`,
	totp: (userId: string) => `totp:${userId}`
};
