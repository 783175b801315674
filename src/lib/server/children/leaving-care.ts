import { eq } from 'drizzle-orm';
import type { Db } from '../db';
import { childProfile, user } from '../db/schema';
import * as access from '../access';
import * as accessLog from '../audit/access-log';
import { isCalendarDate, isInFuture } from '../dates/day';
import { AccountError } from '../accounts/errors';
import { wayBack } from './way-back';

/** What the "moving on" page shows: whose account, and whether it has moved on already. */
export function leavingCare(db: Db, actor: access.Actor, childId: string, now = new Date()) {
	const relation = access.requireChild(db, actor, 'moveToLeaver', childId, now);
	const account = db
		.select({ role: user.role })
		.from(user)
		.where(eq(user.id, relation.child.userId!))
		.get();
	return {
		child: {
			id: relation.child.id,
			preferredName: relation.child.preferredName,
			dateOfBirth: relation.child.dateOfBirth,
			leftCareOn: relation.child.leftCareOn
		},
		isCareLeaver: account?.role === 'care_leaver',
		back: wayBack(db, actor, relation)
	};
}

/**
 * Moves a child's account on to a care leaver's, from the day they left care (at 18, or when they
 * left). Only the account's role and that day change: the record, their own things, their
 * disagreements, who looked and their sign-in all stay as they are, because they belong to the
 * person, not to the role.
 */
export function moveToCareLeaver(
	db: Db,
	actor: access.Actor,
	childId: string,
	leftCareOn: string,
	address: string | null,
	now = new Date()
): void {
	const relation = access.requireChild(db, actor, 'moveToLeaver', childId, now);
	if (!isCalendarDate(leftCareOn)) throw new AccountError('form.invalid', 'leftCareOn');
	if (isInFuture(leftCareOn, now)) throw new AccountError('leaving.future', 'leftCareOn');
	const userId = relation.child.userId!;
	const account = db.select({ role: user.role }).from(user).where(eq(user.id, userId)).get();
	if (account?.role !== 'child') throw new AccountError('leaving.already', 'leftCareOn');
	db.transaction((tx) => {
		tx.update(user).set({ role: 'care_leaver', updatedAt: now }).where(eq(user.id, userId)).run();
		tx.update(childProfile)
			.set({ leftCareOn, updatedAt: now })
			.where(eq(childProfile.id, childId))
			.run();
		accessLog.record(
			tx,
			{ actor, action: 'moved-to-care-leaver', childId, subjectUserId: userId, address },
			now
		);
	});
}
