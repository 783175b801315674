import { and, asc, desc, eq, gte, inArray, isNull, lt } from 'drizzle-orm';
import type { Db } from '../db';
import { meeting, meetingKinds, type Entry, type Meeting, type MeetingKind } from '../db/schema';
import * as access from '../access';
import { randomId } from '../crypto/random';
import type { FormReader } from '../validation';
import { today } from '../dates/day';

/** Reviews and meetings: staff schedule them, the child sees what is coming and prepares. */

export type MeetingInput = {
	kind: MeetingKind | null;
	title: string;
	date: string | null;
	time: string;
	chairedBy: string;
};

export function readMeetingForm(form: FormReader): MeetingInput {
	const input = {
		kind: form.choice('kind', meetingKinds, { required: true }),
		title: form.text('title', { max: 200 }),
		date: form.date('date', { required: true }),
		time: form.text('time', { pattern: /^([01]\d|2[0-3]):[0-5]\d$/ }),
		chairedBy: form.text('chairedBy', { required: true, max: 200 })
	};
	if (input.kind === 'other' && !input.title) form.problem('title', 'form.required');
	return input;
}

export function scheduleMeeting(
	db: Db,
	actor: access.Actor,
	childId: string,
	input: MeetingInput,
	now = new Date()
): Meeting {
	access.requireChild(db, actor, 'scheduleMeetings', childId, now);
	const row: Meeting = {
		id: randomId(),
		childId,
		kind: input.kind!,
		title: input.kind === 'other' ? input.title : null,
		date: input.date!,
		time: input.time || null,
		chairedBy: input.chairedBy,
		createdByUserId: actor.id,
		createdAt: now,
		cancelledAt: null
	};
	db.insert(meeting).values(row).run();
	return row;
}

/** Cancels one of this child's meetings; a meeting that is not theirs is left alone. */
export function cancelMeeting(
	db: Db,
	actor: access.Actor,
	childId: string,
	meetingId: string,
	now = new Date()
): void {
	access.requireChild(db, actor, 'scheduleMeetings', childId, now);
	db.update(meeting)
		.set({ cancelledAt: now })
		.where(and(eq(meeting.id, meetingId), eq(meeting.childId, childId)))
		.run();
}

/**
 * What is coming, soonest first, for anyone who may read the child's record: on the relation this
 * request loaded for the child, checked again here.
 */
export function upcomingMeetings(
	db: Db,
	actor: access.Actor,
	relation: access.ChildRelation,
	now = new Date()
) {
	const childId = access.requireOnRelation(actor, 'viewRecord', relation).child.id;
	return db
		.select()
		.from(meeting)
		.where(
			and(eq(meeting.childId, childId), isNull(meeting.cancelledAt), gte(meeting.date, today(now)))
		)
		.orderBy(asc(meeting.date), asc(meeting.time))
		.all();
}

/**
 * Reviews and meetings that took place (or were due) before today, newest first: what views were
 * sent for, on the relation this request loaded for the child, checked again here.
 */
export function pastMeetings(
	db: Db,
	actor: access.Actor,
	relation: access.ChildRelation,
	now = new Date(),
	limit = 10
) {
	const childId = access.requireOnRelation(actor, 'viewRecord', relation).child.id;
	return db
		.select()
		.from(meeting)
		.where(
			and(eq(meeting.childId, childId), isNull(meeting.cancelledAt), lt(meeting.date, today(now)))
		)
		.orderBy(desc(meeting.date), desc(meeting.time))
		.limit(limit)
		.all();
}

/**
 * The meetings some entries were written for, by id, with their child: a caller shows one only
 * beside an entry of the same child, to a reader who may see that entry.
 */
export function meetingsOf(db: Db, rows: Pick<Entry, 'details'>[]) {
	const ids = [
		...new Set(rows.flatMap((r) => (r.details?.meetingId ? [r.details.meetingId] : [])))
	];
	const found = ids.length
		? db
				.select({
					id: meeting.id,
					childId: meeting.childId,
					kind: meeting.kind,
					title: meeting.title,
					date: meeting.date
				})
				.from(meeting)
				.where(inArray(meeting.id, ids))
				.all()
		: [];
	return new Map(found.map((m) => [m.id, m]));
}

/** One meeting, when the actor may read that child's record. */
export function meetingFor(db: Db, actor: access.Actor, meetingId: string, now = new Date()) {
	const row = db.select().from(meeting).where(eq(meeting.id, meetingId)).get();
	if (!row || row.cancelledAt) throw new access.AccessDenied('not-found');
	access.requireChild(db, actor, 'viewRecord', row.childId, now);
	return row;
}
