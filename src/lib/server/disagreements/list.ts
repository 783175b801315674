import { and, desc, eq, inArray, notExists } from 'drizzle-orm';
import { alias } from 'drizzle-orm/sqlite-core';
import type { Db } from '../db';
import { entry } from '../db/schema';
import * as access from '../access';
import { statesOf, type DisagreementState } from './state';
import { today } from '../dates/day';

/**
 * The lists: a worker's or manager's disagreements (overdue first, then by days left), the
 * child's own, and what is still to be linked into the case record.
 */

export type ListedDisagreement = DisagreementState & { childName: string };

export function disagreementsFor(
	db: Db,
	actor: access.Actor,
	now = new Date()
): ListedDisagreement[] {
	const out: ListedDisagreement[] = [];
	for (const child of access.childrenFor(db, actor, now)) {
		if (!access.allowsChild(db, actor, 'handleDisagreements', child.id, now)) continue;
		const rows = db
			.select()
			.from(entry)
			.where(
				and(eq(entry.childId, child.id), eq(entry.kind, 'disagreement'), eq(entry.status, 'final'))
			)
			.all();
		for (const state of statesOf(db, rows, today(now))) {
			out.push({ ...state, childName: child.preferredName });
		}
	}
	const open = (d: DisagreementState) => (d.status === 'decided' ? 1 : 0);
	return out.sort((a, b) => open(a) - open(b) || a.daysLeft - b.daysLeft);
}

/** The child's own disagreements, newest first. */
export function myDisagreements(db: Db, actor: access.Actor, now = new Date()) {
	if (!actor.childId) throw new access.AccessDenied();
	access.requireChild(db, actor, 'viewRecord', actor.childId, now);
	const rows = db
		.select()
		.from(entry)
		.where(
			and(
				eq(entry.childId, actor.childId),
				eq(entry.kind, 'disagreement'),
				eq(entry.status, 'final')
			)
		)
		.orderBy(desc(entry.recordedAt))
		.all();
	return statesOf(db, rows, today(now));
}

const link = alias(entry, 'link');

/** Disagreements and "put it in my record" contributions not yet linked into the case record. */
export function toBeLinked(db: Db, actor: access.Actor, now = new Date()) {
	const children = access
		.childrenFor(db, actor, now)
		.filter((c) => access.allowsChild(db, actor, 'handleDisagreements', c.id, now));
	if (!children.length) return [];
	const names = new Map(children.map((c) => [c.id, c.preferredName]));
	return db
		.select({
			id: entry.id,
			childId: entry.childId,
			kind: entry.kind,
			title: entry.title,
			authorName: entry.authorName,
			recordedAt: entry.recordedAt
		})
		.from(entry)
		.where(
			and(
				inArray(
					entry.childId,
					children.map((c) => c.id)
				),
				eq(entry.status, 'final'),
				inArray(entry.kind, ['disagreement', 'view', 'life_event', 'memory']),
				inArray(entry.visibility, ['record']),
				notExists(
					db
						.select({ id: link.id })
						.from(link)
						.where(and(eq(link.supersedesId, entry.id), eq(link.kind, 'case_record_link')))
				)
			)
		)
		.orderBy(desc(entry.recordedAt))
		.all()
		.map((row) => ({ ...row, childName: names.get(row.childId) ?? '' }));
}
