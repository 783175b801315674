import { and, eq, gte, not, or, type SQL } from 'drizzle-orm';
import { entry, type Entry } from '../db/schema';

/**
 * After a sign-in with a one-time code on an account that had a passphrase, the child's private
 * things stay hidden for a day from whoever holds the account: a worker who made a code cannot
 * read what the child keeps "just me". Typing the old passphrase ends the seal at once.
 */
export const privateSealDuration = 24 * 60 * 60 * 1000;

/**
 * The seal an account is under at `now`: things from before `since` (when the code was used)
 * are hidden until `until`. Null when nothing is hidden.
 */
export type PrivateSeal = { since: Date; until: Date };

export function sealAt(until: Date | null | undefined, now: Date): PrivateSeal | null {
	if (!until || until.getTime() <= now.getTime()) return null;
	return { since: new Date(until.getTime() - privateSealDuration), until };
}

type Sealable = Pick<Entry, 'status' | 'authorUserId' | 'visibility' | 'createdAt'>;

/**
 * Under the seal: "just me" entries and the reader's own drafts that existed before the code was
 * used. What the person holding the account writes after that stays theirs to see.
 */
export function isSealed(seal: PrivateSeal | null, readerId: string, e: Sealable): boolean {
	if (!seal || e.createdAt.getTime() >= seal.since.getTime()) return false;
	return e.visibility === 'just_me' || (e.status === 'draft' && e.authorUserId === readerId);
}

/** The same rule as a query condition: the rows the seal leaves visible. */
export function unsealedScope(seal: PrivateSeal | null, readerId: string): SQL | undefined {
	if (!seal) return undefined;
	const privateOnes = or(
		eq(entry.visibility, 'just_me'),
		and(eq(entry.status, 'draft'), eq(entry.authorUserId, readerId))
	)!;
	return or(gte(entry.createdAt, seal.since), not(privateOnes));
}
