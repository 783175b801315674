import { eq } from 'drizzle-orm';
import type { Db } from '../db';
import { childProfile, user, type ChildProfile } from '../db/schema';
import * as access from '../access';
import * as accessLog from '../audit/access-log';
import { RecordError } from '../record/errors';
import { recordChanges } from './history';

/**
 * "My name, my words": the child owns how they are described. Their preferred name is the name
 * Waymark uses for them everywhere (their own greeting, staff lists, the inbox).
 */
export type OwnIdentity = Pick<ChildProfile, access.ChildOwnedField>;

const limits: Record<access.ChildOwnedField, number> = {
	preferredName: 200,
	pronouns: 200,
	ownCulture: 2000,
	ownReligion: 2000,
	ownLanguages: 2000,
	ownAboutMe: 2000
};

export function ownIdentityOf(child: ChildProfile): OwnIdentity {
	return Object.fromEntries(
		access.childOwnedFields.map((f) => [f, child[f]])
	) as unknown as OwnIdentity;
}

/** What the child sees and changes on "About me". */
export function readOwnIdentity(db: Db, actor: access.Actor, now = new Date()): OwnIdentity {
	if (!actor.childId) throw new access.AccessDenied();
	const relation = access.requireChild(db, actor, 'editOwnIdentity', actor.childId, now);
	return ownIdentityOf(relation.child);
}

export function updateOwnIdentity(
	db: Db,
	actor: access.Actor,
	changes: OwnIdentity,
	address: string | null,
	now = new Date()
): number {
	if (!actor.childId) throw new access.AccessDenied();
	const relation = access.requireChild(db, actor, 'editOwnIdentity', actor.childId, now);
	const problems: Record<string, string> = {};
	if (!changes.preferredName?.trim()) problems.preferredName = 'form.required';
	for (const field of access.childOwnedFields) {
		if ([...(changes[field] ?? '')].length > limits[field]) problems[field] = 'form.tooLong';
	}
	if (Object.keys(problems).length) throw new RecordError(problems);
	const clean = Object.fromEntries(
		access.childOwnedFields.map((f) => [f, changes[f]?.trim() || null])
	) as OwnIdentity;
	clean.preferredName = changes.preferredName.trim();
	return db.transaction((tx) => {
		const changed = recordChanges(tx, actor, relation.child, clean, now);
		if (!changed) return 0;
		tx.update(childProfile)
			.set({ ...clean, updatedAt: now })
			.where(eq(childProfile.id, relation.child.id))
			.run();
		if (clean.preferredName !== relation.child.preferredName) {
			tx.update(user)
				.set({ displayName: clean.preferredName, updatedAt: now })
				.where(eq(user.id, actor.id))
				.run();
		}
		accessLog.record(
			tx,
			{ actor, action: 'profile-changed', childId: relation.child.id, address },
			now
		);
		return changed;
	});
}
