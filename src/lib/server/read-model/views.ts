import { and, asc, desc, eq, inArray, or, sql } from 'drizzle-orm';
import type { Db } from '../db';
import { entry, type Meeting } from '../db/schema';
import * as access from '../access';
import { cardsFor } from './cards';
import { pastMeetings, upcomingMeetings } from '../space/meetings';
import { ownDrafts } from '../space/child-entries';

/** The child's "My views": what is coming, their drafts, and the views they sent, newest first. */
export function myViews(db: Db, actor: access.Actor, locale: string, now = new Date()) {
	if (!actor.childId) throw new access.AccessDenied();
	const relation = access.requireChild(db, actor, 'writeOwn', actor.childId, now);
	const rows = db
		.select()
		.from(entry)
		.where(
			and(
				access.entryScope(actor, relation),
				eq(entry.kind, 'view'),
				eq(entry.status, 'final'),
				// Hers, and those her advocate wrote with her, in her words.
				or(
					eq(entry.authorUserId, actor.id),
					and(eq(entry.sourceKind, 'helped'), eq(entry.authorRole, 'advocate'))
				)
			)
		)
		.orderBy(desc(entry.recordedAt))
		.limit(50)
		.all();
	return {
		meetings: upcomingMeetings(db, actor, relation, now),
		drafts: ownDrafts(db, actor, relation).filter((d) => d.kind === 'view'),
		views: cardsFor(db, actor, relation, rows, locale)
	};
}

/**
 * A child's reviews and meetings as staff see them, each with the views the child sent for it:
 * what is coming, then the last ones that took place. Only views this reader may see in full.
 */
export function reviewsWithViews(
	db: Db,
	actor: access.Actor,
	relation: access.ChildRelation,
	now = new Date()
) {
	const coming = upcomingMeetings(db, actor, relation, now);
	const past = pastMeetings(db, actor, relation, now);
	const ids = [...coming, ...past].map((m) => m.id);
	const forMeeting = sql<string>`json_extract(${entry.details}, '$.meetingId')`;
	const rows = ids.length
		? db
				.select()
				.from(entry)
				.where(
					and(
						access.entryScope(actor, relation),
						eq(entry.kind, 'view'),
						eq(entry.status, 'final'),
						inArray(forMeeting, ids)
					)
				)
				.orderBy(asc(entry.recordedAt))
				.all()
		: [];
	const views = rows
		.filter((row) => access.entryView(actor, relation, row) === 'full')
		.map((row) => ({
			id: row.id,
			title: row.title,
			recordedAt: row.recordedAt,
			authorName: row.authorName,
			meetingId: row.details?.meetingId
		}));
	const withViews = (m: Meeting) => ({
		...m,
		views: views.filter((v) => v.meetingId === m.id)
	});
	return { coming: coming.map(withViews), past: past.map(withViews) };
}
