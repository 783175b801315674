import { and, desc, eq, or } from 'drizzle-orm';
import type { Db } from '../db';
import { entry } from '../db/schema';
import * as access from '../access';
import { cardsFor } from './cards';
import { upcomingMeetings } from '../space/meetings';
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
