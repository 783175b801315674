import { eq } from 'drizzle-orm';
import type { Db } from '../db';
import { readingPlace, user, type Role } from '../db/schema';
import * as access from '../access';

/**
 * Calm mode: content notes before hard reading, the record by chapters, "take a break" near. A
 * care leaver has it unless they turn it off; a child can turn it on. Their own choice only.
 */
export function calmModeOf(person: { role: Role; calmMode: boolean | null }): boolean {
	return person.calmMode ?? person.role === 'care_leaver';
}

function ownAccount(actor: access.Actor): access.Actor {
	return access.requireGeneral(actor, 'viewOwnRecord');
}

export function isCalm(db: Db, actor: access.Actor): boolean {
	const me = ownAccount(actor);
	const row = db
		.select({ role: user.role, calmMode: user.calmMode })
		.from(user)
		.where(eq(user.id, me.id))
		.get();
	return !!row && calmModeOf(row);
}

export function setCalmMode(db: Db, actor: access.Actor, on: boolean, now = new Date()): void {
	const me = ownAccount(actor);
	db.update(user).set({ calmMode: on, updatedAt: now }).where(eq(user.id, me.id)).run();
}

/** The chapter this person last opened, kept so they can come back to it another day. */
export function readingPlaceOf(db: Db, actor: access.Actor): string | null {
	const me = ownAccount(actor);
	return (
		db
			.select({ chapter: readingPlace.chapter })
			.from(readingPlace)
			.where(eq(readingPlace.userId, me.id))
			.get()?.chapter ?? null
	);
}

export function keepReadingPlace(
	db: Db,
	actor: access.Actor,
	chapter: string,
	now = new Date()
): void {
	const me = ownAccount(actor);
	db.insert(readingPlace)
		.values({ userId: me.id, chapter, updatedAt: now })
		.onConflictDoUpdate({ target: readingPlace.userId, set: { chapter, updatedAt: now } })
		.run();
}
