import { eq } from 'drizzle-orm';
import type { Db } from '../db';
import { entry } from '../db/schema';
import * as access from '../access';
import { formValuesOf } from './entry-form';
import { today } from '../dates/day';

/** A blank entry form, or one started from an entry that is being corrected. */
export function newEntryForm(
	db: Db,
	actor: access.Actor,
	childId: string,
	correctsId: string | null,
	now = new Date()
) {
	const relation = access.requireChild(db, actor, 'writeRecord', childId, now);
	const child = { id: relation.child.id, preferredName: relation.child.preferredName };
	const blank = {
		kind: 'record_entry',
		nature: 'fact',
		sourceKind: 'first_hand',
		visibility: 'shared',
		eventDate: today(now),
		translatedBy: actor.displayName
	};
	if (!correctsId) return { child, values: blank as Record<string, string>, correcting: null };
	const original = db.select().from(entry).where(eq(entry.id, correctsId)).get();
	if (
		!original ||
		original.childId !== childId ||
		original.status !== 'final' ||
		original.kind === 'confidential_release' ||
		access.entryView(actor, relation, original) !== 'full'
	) {
		throw new access.AccessDenied('not-found');
	}
	return {
		child,
		values: { ...formValuesOf(original), correctionReason: '', translatedBy: actor.displayName },
		correcting: { id: original.id, title: original.title }
	};
}

/** A draft's own form, for its author only. */
export function draftForm(db: Db, actor: access.Actor, entryId: string, now = new Date()) {
	const row = db.select().from(entry).where(eq(entry.id, entryId)).get();
	if (!row) throw new access.AccessDenied('not-found');
	access.requireChild(db, actor, 'writeRecord', row.childId, now);
	if (row.status !== 'draft' || row.authorUserId !== actor.id) throw new access.AccessDenied();
	return {
		values: formValuesOf(row),
		correcting: row.supersedesId ? { id: row.supersedesId, title: '' } : null
	};
}
