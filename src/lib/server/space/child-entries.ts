import { and, asc, eq, inArray } from 'drizzle-orm';
import type { Db } from '../db';
import {
	assignment,
	entry,
	meeting,
	media,
	user,
	type Entry,
	type EntryDetails
} from '../db/schema';
import * as access from '../access';
import * as accessLog from '../audit/access-log';
import { currentAssignment } from '../access/relation';
import { draftRow } from '../record/rows';
import { isInFuture } from '../dates/day';
import { appendFinal, barDraft, insertDraft } from '../record/write';
import { RecordError } from '../record/errors';
import type { Problems } from '../validation';
import type { ChildEntryInput } from './input';

/**
 * What the child adds to their own record: views, life events and memories. Each is an entry
 * like any other (provenance, visibility, the chain); the child chooses who sees it and sends
 * it when ready. Until then it is a draft only they can see.
 */

/** The workers and advocate a child can say helped them, for the child writing. */
export function helpersFor(
	db: Db,
	actor: access.Actor,
	relation: access.Checked<'writeOwn'>,
	now = new Date()
) {
	const childId = access.requireOnRelation(actor, 'writeOwn', relation).child.id;
	return db
		.selectDistinct({ id: user.id, name: user.displayName, postTitle: user.postTitle })
		.from(assignment)
		.innerJoin(user, eq(user.id, assignment.userId))
		.where(and(eq(assignment.childId, childId), currentAssignment(now)))
		.orderBy(asc(user.displayName))
		.all();
}

function check(
	db: Db,
	actor: access.Actor,
	permit: access.Checked<'writeOwn'>,
	input: ChildEntryInput,
	now: Date
): Problems {
	const problems = checkWords(db, permit.child.id, input, now);
	if (input.helpedBy && !helpersFor(db, actor, permit, now).some((h) => h.id === input.helpedBy)) {
		problems.helpedBy = 'form.invalid';
	}
	return problems;
}

/** What any child's entry needs, whoever holds the pen: words, a date not in the future, a real meeting. */
function checkWords(db: Db, childId: string, input: ChildEntryInput, now: Date): Problems {
	const problems: Problems = {};
	const answered =
		input.body.text ||
		Object.values(input.details.answers ?? {}).some(Boolean) ||
		(input.details.feelings ?? []).length > 0;
	if (!answered)
		problems.body = input.kind === 'view' ? 'space.problem.emptyView' : 'form.required';
	if (isInFuture(input.eventDate, now)) problems.eventDate = 'record.problem.future';
	if (input.details.meetingId) {
		const m = db.select().from(meeting).where(eq(meeting.id, input.details.meetingId)).get();
		if (!m || m.childId !== childId || m.cancelledAt) problems.meetingId = 'form.invalid';
	}
	return problems;
}

function columnsOf(db: Db, input: ChildEntryInput) {
	const helper = input.helpedBy
		? db.select().from(user).where(eq(user.id, input.helpedBy)).get()
		: undefined;
	return {
		kind: input.kind,
		title: input.title,
		bodyDoc: input.body.doc,
		bodyText: input.body.text,
		eventDate: input.eventDate,
		eventPrecision: input.eventPrecision,
		eventLabel: input.eventLabel,
		// The policy asks whose words these are: the child's own, or written with help.
		sourceKind: helper ? ('helped' as const) : ('child_words' as const),
		sourceName: helper
			? helper.postTitle
				? `${helper.displayName}, ${helper.postTitle}`
				: helper.displayName
			: null,
		visibility: input.visibility,
		details: helper ? { ...input.details, helperId: helper.id } : input.details
	};
}

function ownChild(db: Db, actor: access.Actor, now: Date) {
	if (!actor.childId) throw new access.AccessDenied();
	return access.requireChild(db, actor, 'writeOwn', actor.childId, now);
}

export function createChildDraft(
	db: Db,
	actor: access.Actor,
	input: ChildEntryInput,
	now = new Date()
): Entry {
	const permit = ownChild(db, actor, now);
	const problems = check(db, actor, permit, input, now);
	if (Object.keys(problems).length) throw new RecordError(problems);
	return insertDraft(db, permit, draftRow(actor, permit.child.id, now, columnsOf(db, input)));
}

/** The child's own draft, or AccessDenied (a draft under a private seal, too). */
export function childDraft(db: Db, actor: access.Actor, entryId: string, now = new Date()): Entry {
	return ownChildDraft(db, actor, entryId, now).draft;
}

function ownChildDraft(db: Db, actor: access.Actor, entryId: string, now: Date) {
	if (!actor.childId) throw new access.AccessDenied();
	const permit = access.requireChild(db, actor, 'writeOwn', actor.childId, now);
	const row = db.select().from(entry).where(eq(entry.id, entryId)).get();
	if (
		!row ||
		row.childId !== actor.childId ||
		row.authorUserId !== actor.id ||
		row.status !== 'draft' ||
		access.entryView(actor, permit, row) !== 'full'
	) {
		throw new access.AccessDenied('not-found');
	}
	return { draft: row, permit };
}

export function updateChildDraft(
	db: Db,
	actor: access.Actor,
	entryId: string,
	input: ChildEntryInput,
	now = new Date()
): void {
	const { draft, permit } = ownChildDraft(db, actor, entryId, now);
	const problems = check(db, actor, permit, input, now);
	if (Object.keys(problems).length) throw new RecordError(problems);
	const { details, ...columns } = columnsOf(db, input);
	db.update(entry)
		.set({ ...columns, details: { ...details, media: draft.details?.media }, updatedAt: now })
		.where(and(eq(entry.id, entryId), eq(entry.status, 'draft')))
		.run();
}

/**
 * Sends a draft: it becomes part of the record. Its photos and recordings go into the hashed
 * details with their own hashes, so the chain covers them too.
 */
export function sendChildEntry(
	db: Db,
	actor: access.Actor,
	entryId: string,
	address: string | null,
	now = new Date()
): Entry {
	return db.transaction(
		(tx) => {
			const { draft, permit } = ownChildDraft(tx, actor, entryId, now);
			const files = tx
				.select()
				.from(media)
				.where(eq(media.entryId, entryId))
				.orderBy(asc(media.createdAt), asc(media.id))
				.all();
			const details: EntryDetails = {
				...draft.details,
				media: files.length
					? files.map((f) => ({
							id: f.id,
							kind: f.kind,
							sha256: f.sha256,
							...(f.thumbSha256 ? { thumbSha256: f.thumbSha256 } : {}),
							caption: f.caption
						}))
					: undefined
			};
			tx.update(entry)
				.set({ details, updatedAt: now })
				.where(and(eq(entry.id, entryId), eq(entry.status, 'draft')))
				.run();
			const final = barDraft(tx, permit, { ...draft, details }, now);
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

/**
 * Who may see views an advocate writes with the child: the child chooses, from everything but
 * "just me" (the advocate is in the room; what a child keeps to themselves they write in their
 * own space).
 */
export const viewsWithVisibilities = ['workers', 'advocate', 'record'] as const;

/**
 * The child's views, written with them by their advocate from the advocate's own account: the
 * child's words, recorded as written with help from the advocate, seen by whom the child chose.
 * It goes straight into the record, as an advocate's "I disagree" does.
 */
export function sendViewsWith(
	db: Db,
	actor: access.Actor,
	childId: string,
	input: ChildEntryInput,
	address: string | null,
	now = new Date()
): Entry {
	return db.transaction(
		(tx) => {
			const permit = access.requireChild(tx, actor, 'writeViewsWith', childId, now);
			const problems = checkWords(tx, childId, input, now);
			if (!(viewsWithVisibilities as readonly string[]).includes(input.visibility)) {
				problems.visibility = 'form.invalid';
			}
			if (Object.keys(problems).length) throw new RecordError(problems);
			const row = draftRow(actor, childId, now, {
				...columnsOf(tx, { ...input, kind: 'view', helpedBy: null }),
				sourceKind: 'helped',
				sourceName: actor.postTitle
					? `${actor.displayName}, ${actor.postTitle}`
					: actor.displayName,
				details: { ...input.details, helperId: actor.id }
			});
			const final = appendFinal(tx, permit, row, now);
			accessLog.record(tx, { actor, action: 'entry-finalised', childId, address }, now);
			return final;
		},
		{ behavior: 'immediate' }
	);
}

/** The child's drafts, newest first, so they can carry on. */
export function childDrafts(db: Db, actor: access.Actor, now = new Date()) {
	if (!actor.childId) throw new access.AccessDenied();
	return ownDrafts(db, actor, access.requireChild(db, actor, 'writeOwn', actor.childId, now));
}

/** The same, for a page that already holds the child's relation from this request. */
export function ownDrafts(db: Db, actor: access.Actor, relation: access.ChildRelation) {
	access.requireOnRelation(actor, 'writeOwn', relation);
	if (relation.child.id !== actor.childId) throw new access.AccessDenied();
	return db
		.select({ id: entry.id, kind: entry.kind, title: entry.title, updatedAt: entry.updatedAt })
		.from(entry)
		.where(
			and(
				access.entryScope(actor, relation),
				eq(entry.status, 'draft'),
				eq(entry.authorUserId, actor.id),
				inArray(entry.kind, ['view', 'life_event', 'memory'])
			)
		)
		.orderBy(asc(entry.updatedAt))
		.all()
		.reverse();
}
