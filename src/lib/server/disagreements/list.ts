import { and, desc, eq, notExists } from 'drizzle-orm';
import { alias } from 'drizzle-orm/sqlite-core';
import type { Db } from '../db';
import { entry } from '../db/schema';
import * as access from '../access';
import { statesOf, type DisagreementState } from './state';
import { today } from '../dates/day';

/**
 * The lists: a worker's or manager's disagreements (overdue first, then by days left), the
 * child's own, and what is still to be linked into the case record. Which entries each holds is
 * the access policy's (disagreementScope, linkScope); only the order and "not yet linked" are
 * decided here.
 */

export type ListedDisagreement = DisagreementState & { childName: string };

/** Each of the actor's children with the relation the policy decides on. */
function childrenWithRelations(db: Db, actor: access.Actor, now: Date) {
	return access.childrenFor(db, actor, now).map((child) => ({
		child,
		relation: access.requireChild(db, actor, 'viewRecord', child.id, now)
	}));
}

export function disagreementsFor(
	db: Db,
	actor: access.Actor,
	now = new Date()
): ListedDisagreement[] {
	const out: ListedDisagreement[] = [];
	for (const { child, relation } of childrenWithRelations(db, actor, now)) {
		if (!access.allowsOnRelation(actor, 'handleDisagreements', relation)) continue;
		const rows = db
			.select()
			.from(entry)
			.where(access.disagreementScope(actor, relation, 'handleDisagreements'))
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
	const relation = access.requireChild(db, actor, 'viewRecord', actor.childId, now);
	const rows = db
		.select()
		.from(entry)
		.where(access.disagreementScope(actor, relation))
		.orderBy(desc(entry.recordedAt))
		.all();
	return statesOf(db, rows, today(now));
}

const link = alias(entry, 'link');

/** Disagreements and "put it in my record" contributions not yet linked into the case record. */
export function toBeLinked(db: Db, actor: access.Actor, now = new Date()) {
	const items = [];
	for (const { child, relation } of childrenWithRelations(db, actor, now)) {
		if (!access.allowsOnRelation(actor, 'handleDisagreements', relation)) continue;
		const rows = db
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
					access.linkScope(actor, relation),
					notExists(
						db
							.select({ id: link.id })
							.from(link)
							.where(and(eq(link.supersedesId, entry.id), eq(link.kind, 'case_record_link')))
					)
				)
			)
			.all();
		items.push(...rows.map((row) => ({ ...row, childName: child.preferredName })));
	}
	const at = (i: { recordedAt: Date | null }) => i.recordedAt?.getTime() ?? 0;
	return items.sort((a, b) => at(b) - at(a));
}
