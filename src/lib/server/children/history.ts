import { desc, eq } from 'drizzle-orm';
import type { Db } from '../db';
import { profileChange, type ChildProfile, type ProfileChange } from '../db/schema';
import * as access from '../access';
import { randomId } from '../crypto/random';

/**
 * Every change of how a child is described keeps its history: the field, what it was, what it
 * became, who changed it and when. Rows are never changed (append-only triggers).
 */

type Value = string | string[] | null | undefined;

function asText(value: Value): string | null {
	const text = Array.isArray(value) ? value.join('\n') : (value ?? '');
	return text.trim() ? text : null;
}

/** Writes one row for each field whose value differs; returns how many changed. */
export function recordChanges(
	db: Db,
	actor: access.Actor,
	before: ChildProfile,
	after: Partial<Record<keyof ChildProfile, Value>>,
	now: Date
): number {
	const rows: ProfileChange[] = [];
	for (const [field, value] of Object.entries(after)) {
		const was = asText(before[field as keyof ChildProfile] as Value);
		const now_ = asText(value);
		if (was === now_) continue;
		rows.push({
			id: randomId(),
			childId: before.id,
			field,
			before: was,
			after: now_,
			changedByUserId: actor.id,
			changedByName: actor.displayName,
			changedByRole: actor.role,
			changedAt: now
		});
	}
	if (rows.length) db.insert(profileChange).values(rows).run();
	return rows.length;
}

/** Who changed what and when, newest first, as far as this person may read it. */
export function historyFor(db: Db, permissions: access.Permissions): ProfileChange[] {
	const relation = permissions.require('viewIdentityHistory');
	return db
		.select()
		.from(profileChange)
		.where(access.profileChangeScope(permissions.actor, relation))
		.orderBy(desc(profileChange.changedAt), desc(profileChange.id))
		.limit(500)
		.all()
		.filter((c) => access.seesProfileChange(permissions.actor, relation, c));
}

/** The last change of one field, if any: for a "changed by ... on ..." line. */
export function lastChangeOf(db: Db, childId: string, field: string): ProfileChange | undefined {
	return db
		.select()
		.from(profileChange)
		.where(eq(profileChange.childId, childId))
		.orderBy(desc(profileChange.changedAt))
		.all()
		.find((c) => c.field === field);
}
