import { and, desc, eq, gt, inArray, lt } from 'drizzle-orm';
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

/** Per account, for browsers it has not signed in from: a slow trickle, at most 100 an hour. */
export const accountPolicy: ThrottlePolicy = {
	free: 5,
	baseDelay: second,
	maxDelay: 5 * 60 * second,
	perHour: 100
};

/**
 * Per browser and account, for a browser with a device cookie for the account. At its hourly
 * limit the cookie is no longer trusted: the browser is then an unknown one.
 */
export const devicePolicy: ThrottlePolicy = {
	free: 5,
	baseDelay: second,
	maxDelay: 5 * 60 * second,
	perHour: 10
};

/**
 * Per address, for browsers without a device cookie: no delays, which anyone at a home's shared
 * address could keep running for everyone there, only a cap on guessing across many accounts.
 */
export const addressPolicy: ThrottlePolicy = {
	free: 300,
	baseDelay: 0,
	maxDelay: 0,
	perHour: 300
};

/** Authenticator codes, per account. */
export const secondFactorPolicy: ThrottlePolicy = accountPolicy;

export const throttleKey = {
	account: (username: string) => `account:${username}`,
	address: (address: string) => `address:${address}`,
	device: (deviceId: string) => `device:${deviceId}`,
	totp: (userId: string) => `totp:${userId}`,
	/** The old passphrase typed to show a child's "just me" things again after a sign-in code. */
	unseal: (userId: string) => `unseal:${userId}`
};

type Limit = { key: string; policy: ThrottlePolicy };

/** An attempt let through, already counted as a failure; `markSucceeded` takes the ticket. */
export type Admission = { allowed: true; ticket: number[] } | { allowed: false; retryAt: Date };

type ThrottleState = { allowed: true } | { allowed: false; retryAt: Date };

function recent(db: Db, key: string, now: Date) {
	return db
		.select({ at: signInAttempt.at, succeeded: signInAttempt.succeeded })
		.from(signInAttempt)
		.where(and(eq(signInAttempt.key, key), gt(signInAttempt.at, new Date(now.getTime() - hour))))
		.orderBy(desc(signInAttempt.at), desc(signInAttempt.id))
		.all();
}

function check(db: Db, { key, policy }: Limit, now: Date): ThrottleState {
	const attempts = recent(db, key, now);
	const failures = attempts.filter((a) => !a.succeeded);
	if (failures.length >= policy.perHour) {
		// Wait until the oldest failure that keeps the count at the limit leaves the hour.
		const pivot = failures[policy.perHour - 1]!;
		return { allowed: false, retryAt: new Date(pivot.at.getTime() + hour) };
	}
	const lastSuccess = attempts.findIndex((a) => a.succeeded);
	const consecutive = lastSuccess === -1 ? attempts.length : lastSuccess;
	if (consecutive < policy.free) return { allowed: true };
	const delay = Math.min(policy.baseDelay * 2 ** (consecutive - policy.free), policy.maxDelay);
	const retryAt = new Date(attempts[0]!.at.getTime() + delay);
	return retryAt > now ? { allowed: false, retryAt } : { allowed: true };
}

/** Checks every limit and, only when all allow, counts the attempt as a failure under each. */
function admit(db: Db, limits: Limit[], now: Date): Admission {
	const refused = limits.flatMap((limit) => {
		const state = check(db, limit, now);
		return state.allowed ? [] : [state.retryAt.getTime()];
	});
	if (refused.length > 0) return { allowed: false, retryAt: new Date(Math.max(...refused)) };
	const ticket = limits.map(
		({ key }) =>
			db
				.insert(signInAttempt)
				.values({ key, at: now, succeeded: false })
				.returning({ id: signInAttempt.id })
				.get().id
	);
	return { allowed: true, ticket };
}

/**
 * May this sign-in attempt be evaluated? Decided and counted in one immediate transaction, before
 * the secret is checked, so that guesses sent together are counted together. `device` is this
 * browser's id for the account, from a valid device cookie: while that device is trusted, the
 * attempt is limited by its own allowance only, and does not touch the account's allowance for
 * unknown browsers nor the address's.
 */
export function admitSignIn(
	db: Db,
	who: { username: string; address: string; device: string | null },
	now = new Date()
): Admission {
	return db.transaction(
		(tx) => {
			const device = who.device && { key: throttleKey.device(who.device), policy: devicePolicy };
			const trusted =
				device &&
				recent(tx, device.key, now).filter((a) => !a.succeeded).length < devicePolicy.perHour;
			const limits = trusted
				? [device]
				: [
						{ key: throttleKey.account(who.username), policy: accountPolicy },
						{ key: throttleKey.address(who.address), policy: addressPolicy }
					];
			return admit(tx, limits, now);
		},
		{ behavior: 'immediate' }
	);
}

/** May one more secret under this key be checked? Decided and counted as `admitSignIn` is. */
export function admitCheck(
	db: Db,
	key: string,
	policy: ThrottlePolicy,
	now = new Date()
): Admission {
	return db.transaction((tx) => admit(tx, [{ key, policy }], now), { behavior: 'immediate' });
}

/** May an authenticator code for this account be checked? */
export function admitSecondFactor(db: Db, userId: string, now = new Date()): Admission {
	return admitCheck(db, throttleKey.totp(userId), secondFactorPolicy, now);
}

/** The attempt was right after all: its rows become successes, which end the delays. */
export function markSucceeded(db: Db, ticket: number[]): void {
	db.update(signInAttempt).set({ succeeded: true }).where(inArray(signInAttempt.id, ticket)).run();
}

/** Attempts older than a day no longer matter to any policy. */
export function pruneAttempts(db: Db, now = new Date()): number {
	const cutoff = new Date(now.getTime() - 24 * hour);
	return db.delete(signInAttempt).where(lt(signInAttempt.at, cutoff)).run().changes;
}
