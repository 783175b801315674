import { and, eq } from 'drizzle-orm';
import type { Db } from '../db';
import { entry, type Entry } from '../db/schema';
import * as access from '../access';
import * as accessLog from '../audit/access-log';
import { draftRow } from './rows';
import { chainHead, hashOf, rawEntry } from './chain';
import { eventSortKey } from './event-date';
import { isLate } from '../dates/day';
import { checkEntry, type EntryInput } from './input';
import { RecordError } from './errors';

function columnsOf(input: EntryInput) {
	return {
		kind: input.correction ? ('correction' as const) : input.kind,
		title: input.title,
		bodyDoc: input.body.doc,
		bodyText: input.body.text,
		eventDate: input.eventDate,
		eventPrecision: input.eventPrecision,
		eventLabel: input.eventLabel,
		eventSort: eventSortKey(input.eventDate),
		sourceKind: input.sourceKind,
		sourceName: input.sourceKind === 'first_hand' ? null : input.sourceName,
		sourceRelationship: input.sourceKind === 'person' ? input.sourceRelationship : null,
		nature: input.nature,
		opinionReasons: input.nature === 'opinion' ? input.opinionReasons : null,
		decisionBy: input.nature === 'decision' ? input.decisionBy : null,
		decisionBasis: input.nature === 'decision' ? input.decisionBasis : null,
		thirdPartyPermission: input.nature === 'third_party' && input.thirdPartyPermission,
		visibility: input.visibility,
		confidentialReason: input.visibility === 'confidential' ? input.confidentialReason : null,
		contentNote: input.visibility === 'shared' ? input.contentNote : null,
		translations: input.translation
			? [
					{
						locale: input.translation.locale,
						title: input.translation.title,
						bodyDoc: input.translation.body.doc,
						bodyText: input.translation.body.text,
						translatedBy: input.translation.translatedBy,
						translatedByUserId: ''
					}
				]
			: [],
		supersedesId: input.correction?.entryId ?? null,
		correctionReason: input.correction?.reason ?? null
	};
}

function validate(
	db: Db,
	actor: access.Actor,
	permit: access.Checked<'writeRecord'>,
	input: EntryInput,
	now: Date
): void {
	const problems = checkEntry(input, now);
	if (input.correction) {
		const original = db.select().from(entry).where(eq(entry.id, input.correction.entryId)).get();
		if (
			!original ||
			original.childId !== permit.child.id ||
			original.status !== 'final' ||
			original.kind === 'confidential_release' ||
			access.entryView(actor, permit, original) !== 'full'
		) {
			problems.correctionReason = 'form.invalid';
		}
	}
	if (Object.keys(problems).length) throw new RecordError(problems);
}

/** A new draft: only its author sees it, and only its author can change or finalise it. */
export function createDraft(
	db: Db,
	actor: access.Actor,
	childId: string,
	input: EntryInput,
	now = new Date(),
	address: string | null = null
): Entry {
	const permit = access.requireChild(db, actor, 'writeRecord', childId, now);
	validate(db, actor, permit, input, now);
	const columns = columnsOf(input);
	const row = draftRow(actor, childId, now, {
		...columns,
		translations: columns.translations.map((t) => ({ ...t, translatedByUserId: actor.id }))
	});
	insertDraft(db, permit, row);
	accessLog.record(db, { actor, action: 'entry-draft-saved', childId, address }, now);
	return row;
}

/** The actor's own draft, with the relation checked for writing that let them at it. */
function ownDraft(db: Db, actor: access.Actor, entryId: string, now: Date) {
	const row = db.select().from(entry).where(eq(entry.id, entryId)).get();
	if (!row) throw new access.AccessDenied('not-found');
	const permit = access.requireChild(db, actor, 'writeRecord', row.childId, now);
	if (row.status !== 'draft' || row.authorUserId !== actor.id) throw new access.AccessDenied();
	return { draft: row, permit };
}

export function updateDraft(
	db: Db,
	actor: access.Actor,
	entryId: string,
	input: EntryInput,
	now = new Date(),
	address: string | null = null
): void {
	const { draft, permit } = ownDraft(db, actor, entryId, now);
	validate(db, actor, permit, input, now);
	const columns = columnsOf(input);
	db.update(entry)
		.set({
			...columns,
			translations: columns.translations.map((t) => ({ ...t, translatedByUserId: actor.id })),
			updatedAt: now
		})
		.where(and(eq(entry.id, entryId), eq(entry.status, 'draft')))
		.run();
	accessLog.record(
		db,
		{ actor, action: 'entry-draft-saved', childId: draft.childId, address },
		now
	);
}

export function discardDraft(
	db: Db,
	actor: access.Actor,
	entryId: string,
	now = new Date(),
	address: string | null = null
): string {
	const { draft } = ownDraft(db, actor, entryId, now);
	db.delete(entry)
		.where(and(eq(entry.id, entryId), eq(entry.status, 'draft')))
		.run();
	accessLog.record(
		db,
		{ actor, action: 'entry-draft-discarded', childId: draft.childId, address },
		now
	);
	return draft.childId;
}

/**
 * The write primitives below put entries into a record. Each takes a permit: the relation to the
 * child that the access module checked for an action that writes (access/checked.ts), for the
 * person whose name the row carries. Without one the call does not compile; with one for another
 * child or person it throws.
 */

/** A new draft row, as made by `draftRow`: only its author sees it until it is barred. */
export function insertDraft(db: Db, permit: access.WritePermit, row: Entry): Entry {
	access.requireWritable(permit, row);
	db.insert(entry).values(row).run();
	return row;
}

/**
 * Bars a draft, inside the caller's immediate transaction: it joins the child's chain with its
 * place, the previous entry's hash and its own. From then on the database refuses any change.
 */
export function barDraft(tx: Db, permit: access.WritePermit, draft: Entry, now: Date): Entry {
	access.requireWritable(permit, draft);
	const raw = rawEntry(tx, draft.id)!;
	const head = chainHead(tx, draft.childId);
	const seq = (head?.seq ?? 0) + 1;
	const prevHash = head?.hash ?? null;
	// Only staff entries can be late: a child's memory of years ago is not.
	const late =
		(draft.kind === 'record_entry' || draft.kind === 'decision') && isLate(draft.eventDate, now);
	const finalRaw = {
		...raw,
		status: 'final',
		seq,
		prev_hash: prevHash,
		recorded_at: now.getTime(),
		updated_at: now.getTime(),
		is_late: late ? 1 : 0
	};
	const hash = hashOf(finalRaw);
	tx.update(entry)
		.set({ status: 'final', seq, prevHash, recordedAt: now, updatedAt: now, isLate: late, hash })
		.where(and(eq(entry.id, draft.id), eq(entry.status, 'draft')))
		.run();
	const stored = rawEntry(tx, draft.id)!;
	if (hashOf(stored) !== hash) throw new Error('Stored entry differs from the one hashed');
	return tx.select().from(entry).where(eq(entry.id, draft.id)).get()!;
}

/** Writes a row made whole by the server (a decision, an answer, a call for help) straight in. */
export function appendFinal(tx: Db, permit: access.WritePermit, row: Entry, now: Date): Entry {
	insertDraft(tx, permit, row);
	return barDraft(tx, permit, row, now);
}

/** Finalising "bars" an entry, in one immediate transaction: see barDraft. */
export function finaliseEntry(
	db: Db,
	actor: access.Actor,
	entryId: string,
	address: string | null,
	now = new Date()
): Entry {
	return db.transaction(
		(tx) => {
			const { draft, permit } = ownDraft(tx, actor, entryId, now);
			const final = barDraft(tx, permit, draft, now);
			accessLog.record(
				tx,
				{ actor, action: 'entry-finalised', childId: draft.childId, address },
				now
			);
			return final;
		},
		{ behavior: 'immediate' }
	);
}
