import { and, desc, eq, inArray, ne, or } from 'drizzle-orm';
import type { Db } from '../db';
import { entry, inboxRead, type Entry } from '../db/schema';
import * as access from '../access';
import { docFromPlainText } from '../record/sanitise';
import { appendFinal } from '../record/write';
import { draftRow } from '../record/rows';
import * as accessLog from '../audit/access-log';
import { RecordError } from '../record/errors';
import * as dates from '../dates/day';
import { meetingsOf } from './meetings';
import type { ForMeeting } from '../../record/card';

/**
 * What children added, for the staff and advocates who may see it: calls for help first, then
 * what is unread, then the rest, newest first.
 */
const inboxKinds = ['view', 'life_event', 'memory', 'safety_request'] as const;

export type InboxItem = {
	id: string;
	childId: string;
	childName: string;
	kind: Entry['kind'];
	title: string;
	urgent: 'talk' | 'unsafe' | null;
	recordedAt: Date | null;
	/** The review or meeting a view was for. */
	meeting: ForMeeting | null;
	unread: boolean;
	answered: boolean;
};

export function inboxFor(db: Db, actor: access.Actor, now = new Date()): InboxItem[] {
	if (!access.allows(actor, 'viewInbox')) throw new access.AccessDenied();
	const children = access.childrenFor(db, actor, now);
	if (!children.length) return [];
	const items: InboxItem[] = [];
	for (const child of children) {
		const relation = access.requireChild(db, actor, 'viewRecord', child.id, now);
		const rows = db
			.select()
			.from(entry)
			.where(
				and(
					access.entryScope(actor, relation),
					eq(entry.status, 'final'),
					inArray(entry.kind, [...inboxKinds]),
					or(
						inArray(entry.authorRole, ['child', 'care_leaver']),
						// Views an advocate wrote with the child, in the child's words; not to the advocate.
						and(
							eq(entry.kind, 'view'),
							eq(entry.sourceKind, 'helped'),
							eq(entry.authorRole, 'advocate'),
							ne(entry.authorUserId, actor.id)
						)
					)
				)
			)
			.orderBy(desc(entry.recordedAt))
			.limit(200)
			.all();
		const ids = rows.map((r) => r.id);
		const read = new Set(
			ids.length
				? db
						.select({ id: inboxRead.entryId })
						.from(inboxRead)
						.where(and(eq(inboxRead.userId, actor.id), inArray(inboxRead.entryId, ids)))
						.all()
						.map((r) => r.id)
				: []
		);
		const answered = new Set(
			ids.length
				? db
						.select({ id: entry.supersedesId })
						.from(entry)
						.where(and(eq(entry.kind, 'view_response'), inArray(entry.supersedesId, ids)))
						.all()
						.map((r) => r.id)
				: []
		);
		const meetings = meetingsOf(db, rows);
		for (const row of rows) {
			if (access.entryView(actor, relation, row) !== 'full') continue;
			const meeting = row.details?.meetingId ? meetings.get(row.details.meetingId) : undefined;
			items.push({
				id: row.id,
				childId: child.id,
				childName: child.preferredName,
				kind: row.kind,
				title: row.title,
				urgent: row.details?.urgent ?? null,
				recordedAt: row.recordedAt,
				meeting:
					meeting?.childId === child.id
						? { id: meeting.id, kind: meeting.kind, title: meeting.title, date: meeting.date }
						: null,
				unread: !read.has(row.id),
				answered: answered.has(row.id)
			});
		}
	}
	const rank = (i: InboxItem) => (i.urgent && i.unread ? 0 : i.unread ? 1 : 2);
	return items.sort(
		(a, b) => rank(a) - rank(b) || (b.recordedAt?.getTime() ?? 0) - (a.recordedAt?.getTime() ?? 0)
	);
}

/** Marks an entry read for this person, if they may see it (access.mayMarkRead); AccessDenied otherwise. */
export function markRead(db: Db, actor: access.Actor, entryId: string, now = new Date()): void {
	const row = db.select().from(entry).where(eq(entry.id, entryId)).get();
	if (!row) throw new access.AccessDenied('not-found');
	const relation = access.requireChild(db, actor, 'viewRecord', row.childId, now);
	if (!access.mayMarkRead(actor, relation, row)) throw new access.AccessDenied('not-found');
	db.insert(inboxRead)
		.values({ userId: actor.id, entryId, readAt: now })
		.onConflictDoNothing()
		.run();
}

/**
 * "You said, we did": after the review, staff answer the child's view. The answer is a shared
 * entry of its own, shown to the child beside their view.
 */
export function answerView(
	db: Db,
	actor: access.Actor,
	viewId: string,
	words: string,
	address: string | null,
	now = new Date()
): Entry {
	return db.transaction(
		(tx) => {
			const view = tx.select().from(entry).where(eq(entry.id, viewId)).get();
			if (!view || view.kind !== 'view' || view.status !== 'final') {
				throw new access.AccessDenied('not-found');
			}
			const relation = access.requireChild(tx, actor, 'writeRecord', view.childId, now);
			if (access.entryView(actor, relation, view) !== 'full') {
				throw new access.AccessDenied('not-found');
			}
			if (!words.trim()) throw new RecordError({ answer: 'form.required' });
			const body = docFromPlainText(words);
			const today = dates.today(now);
			const draft = draftRow(actor, view.childId, now, {
				kind: 'view_response',
				eventDate: today,
				visibility: 'shared',
				title: view.title,
				bodyDoc: body.doc,
				bodyText: body.text,
				supersedesId: view.id,
				details: { respondsTo: view.id }
			});
			const final = appendFinal(tx, relation, draft, now);
			accessLog.record(tx, { actor, action: 'view-answered', childId: view.childId, address }, now);
			return final;
		},
		{ behavior: 'immediate' }
	);
}
