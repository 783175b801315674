import { and, eq } from 'drizzle-orm';
import { alias } from 'drizzle-orm/sqlite-core';
import type { Db } from '../db';
import { user } from '../db/schema';
import type { Actor } from './actor';

/**
 * Separation of duties: administrators make accounts; they must not be able to make themselves a
 * worker or a manager of a child. An account an administrator made is "new" for a day: a new
 * manager reaches no child's record, and what it assigns waits for another manager's approval.
 */

/** How long an account an administrator made stays new. The one date rule of this module. */
export const newAccountPeriod = 24 * 60 * 60 * 1000;

export function isWithinNewPeriod(createdAt: Date, now: Date): boolean {
	const age = now.getTime() - createdAt.getTime();
	return age < newAccountPeriod;
}

const creator = alias(user, 'creator');

/** Who made an account, in what role, and when. */
function originOf(db: Db, userId: string) {
	return db
		.select({ createdBy: user.createdBy, createdAt: user.createdAt, creatorRole: creator.role })
		.from(user)
		.leftJoin(creator, eq(creator.id, user.createdBy))
		.where(eq(user.id, userId))
		.get();
}

/** An account an administrator made less than a day ago. */
export function isNewAccount(db: Db, userId: string, now: Date): boolean {
	const origin = originOf(db, userId);
	return !!origin && origin.creatorRole === 'admin' && isWithinNewPeriod(origin.createdAt, now);
}

/**
 * Whether an assignment this manager makes must wait for another manager: when the manager is
 * new, or when the worker is new and was made by the administrator who made the manager.
 */
export function assignmentNeedsApproval(
	db: Db,
	manager: Actor,
	workerId: string,
	now: Date
): boolean {
	if (isNewAccount(db, manager.id, now)) return true;
	const worker = originOf(db, workerId);
	if (!worker || worker.creatorRole !== 'admin' || !isWithinNewPeriod(worker.createdAt, now)) {
		return false;
	}
	const madeBySame = db
		.select({ id: user.id })
		.from(user)
		.where(and(eq(user.id, manager.id), eq(user.createdBy, worker.createdBy!)))
		.get();
	return !!madeBySame;
}
