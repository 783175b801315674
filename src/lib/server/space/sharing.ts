import { and, asc, eq } from 'drizzle-orm';
import type { Db } from '../db';
import { assignment, childProfile, user } from '../db/schema';
import * as access from '../access';
import * as accessLog from '../audit/access-log';
import { currentAssignment } from '../access/relation';

/**
 * Whether the child's advocate reads what staff share with them. The advocate is there for the
 * child, so it is the child's choice (DESIGN: the advocate sees only what the child shares with
 * them): yes by default, and the child can stop at any time and start again. What the child
 * shares with the advocate one item at a time reaches them either way (access/entries.ts).
 */
export function advocateSharing(db: Db, actor: access.Actor, now = new Date()) {
	if (!actor.childId) throw new access.AccessDenied();
	const relation = access.requireChild(db, actor, 'chooseAdvocateSharing', actor.childId, now);
	const advocates = db
		.selectDistinct({ name: user.displayName })
		.from(assignment)
		.innerJoin(user, eq(user.id, assignment.userId))
		.where(
			and(
				eq(assignment.childId, relation.child.id),
				eq(assignment.relationship, 'advocate'),
				currentAssignment(now)
			)
		)
		.orderBy(asc(user.displayName))
		.all()
		.map((a) => a.name);
	return { sees: relation.child.advocateSeesRecord, advocates };
}

export function setAdvocateSharing(
	db: Db,
	actor: access.Actor,
	sees: boolean,
	address: string | null,
	now = new Date()
): void {
	if (!actor.childId) throw new access.AccessDenied();
	const relation = access.requireChild(db, actor, 'chooseAdvocateSharing', actor.childId, now);
	if (relation.child.advocateSeesRecord === sees) return;
	db.transaction((tx) => {
		tx.update(childProfile)
			.set({ advocateSeesRecord: sees, updatedAt: now })
			.where(eq(childProfile.id, relation.child.id))
			.run();
		accessLog.record(
			tx,
			{
				actor,
				action: sees ? 'advocate-sharing-started' : 'advocate-sharing-stopped',
				childId: relation.child.id,
				address
			},
			now
		);
	});
}
