import { and, asc, desc, eq, inArray, notInArray } from 'drizzle-orm';
import type { Db } from '../db';
import { entry, user } from '../db/schema';
import * as access from '../access';
import * as accessLog from '../audit/access-log';
import { cardsFor } from './cards';
import { recordAlertSince } from '../record/alerts';
import { releasesOf } from '../record/confidential';
import {
	attachedKinds,
	pageHolding,
	pageOf,
	pageSize,
	yearsOf,
	type Filters,
	type Order
} from './pages';

export {
	attachedKinds,
	firstOfEachYear,
	orderFrom,
	pageHolding,
	pageOf,
	pageSize,
	yearsOf,
	type Filters,
	type Order
} from './pages';

/** The whole record as staff see it, earliest first. Opening it is logged for the child to see. */
export function chronology(
	db: Db,
	permissions: access.Permissions,
	options: { filters: Filters; page: number; address: string | null },
	now = new Date()
) {
	const { actor } = permissions;
	const relation = permissions.require('viewRecord');
	const childId = relation.child.id;
	if (!relation.own) {
		accessLog.record(
			db,
			{ actor, action: 'record-viewed', childId, address: options.address },
			now
		);
	}
	const list = pageOf(
		db,
		actor,
		relation,
		{ filters: options.filters },
		options.page,
		pageSize.staff
	);
	// Everyone who wrote in this record, for the filter: ids from the index, names from accounts.
	const authorIds = list.authors();
	const authors = authorIds.length
		? db
				.select({ id: user.id, name: user.displayName })
				.from(user)
				.where(inArray(user.id, authorIds))
				.orderBy(asc(user.displayName))
				.all()
		: [];
	return {
		child: { id: relation.child.id, preferredName: relation.child.preferredName },
		/** When this record's stored history was found not to match, if it still does not. */
		integritySince: relation.own ? null : recordAlertSince(db, childId),
		entries: cardsFor(db, actor, relation, list.rows, null),
		drafts: db
			.select({ id: entry.id, title: entry.title, updatedAt: entry.updatedAt })
			.from(entry)
			.where(
				and(eq(entry.childId, childId), eq(entry.status, 'draft'), eq(entry.authorUserId, actor.id))
			)
			.orderBy(asc(entry.updatedAt))
			.all(),
		authors,
		page: list.page,
		pages: list.pages,
		total: list.total,
		mayWrite: permissions.can.writeRecord,
		/** Only the filters that can show this reader something. */
		visibilities: access.filterableVisibilities(actor, relation),
		recordWithheld: access.recordWithheldFrom(actor, relation)
	};
}

/**
 * Beside the writing form on a wide screen: the record's newest entries, as the record shows them
 * to this reader. Reading them is reading the record: logged for the child to see.
 */
export function newestEntries(
	db: Db,
	permissions: access.Permissions,
	options: { address: string | null; limit?: number },
	now = new Date()
) {
	const { actor } = permissions;
	const relation = permissions.require('viewRecord');
	if (!relation.own) {
		accessLog.record(
			db,
			{ actor, action: 'record-viewed', childId: relation.child.id, address: options.address },
			now
		);
	}
	const rows = db
		.select()
		.from(entry)
		.where(
			and(
				access.entryScope(actor, relation),
				eq(entry.status, 'final'),
				notInArray(entry.kind, [...attachedKinds])
			)
		)
		.orderBy(desc(entry.eventSort), desc(entry.recordedAt), desc(entry.id))
		.limit(options.limit ?? 5)
		.all();
	return cardsFor(db, actor, relation, rows, null);
}

/**
 * Everything in the child's own record that they may read, a page at a time, earliest first unless
 * they ask for the newest first: the one query behind "My record" (a page of `pageSize.child`) and
 * "My story" (story.ts groups the same rows by year, with its own page size). With `holding`, the
 * page is the one with that entry on it (what the child just sent), when they may read it. The
 * years come with the page each starts on. The relation comes back for what the caller adds.
 */
export function childRecord(
	db: Db,
	actor: access.Actor,
	options: { page: number; locale: string; size?: number; order?: Order; holding?: string | null },
	now = new Date()
) {
	if (!actor.childId) throw new access.AccessDenied();
	const relation = access.requireChild(db, actor, 'viewRecord', actor.childId, now);
	const where = and(
		access.entryScope(actor, relation),
		eq(entry.status, 'final'),
		notInArray(entry.kind, [...attachedKinds])
	);
	const size = options.size ?? pageSize.child;
	const order = options.order ?? 'oldest';
	const { years, total: counted } = yearsOf(db, where, size, order);
	const holding = options.holding ? pageHolding(db, where, options.holding, size, order) : null;
	const { rows, page, pages, total } = pageOf(
		db,
		actor,
		relation,
		{ withoutAttached: true },
		holding ?? options.page,
		size,
		{ order, total: counted }
	);
	const entries = cardsFor(db, actor, relation, rows, options.locale);
	return { entries, rows, relation, page, pages, total, order, years, holds: holding !== null };
}

/** One entry with its history, for anyone who may see it; a draft for its author only. */
export function entryDetail(
	db: Db,
	actor: access.Actor,
	entryId: string,
	options: {
		address: string | null;
		locale: string | null;
		/** This request's answers, so the page asks about the entry's child once. */
		permissions?: access.PermissionCache;
	},
	now = new Date()
) {
	const row = db.select().from(entry).where(eq(entry.id, entryId)).get();
	if (!row) throw new access.AccessDenied('not-found');
	const permissions = access.permissionsOn(db, actor, row.childId, now, options.permissions);
	const relation = permissions.require('viewRecord');
	if (access.entryView(actor, relation, row) === 'hidden')
		throw new access.AccessDenied('not-found');
	if (!relation.own) {
		accessLog.record(
			db,
			{ actor, action: 'record-viewed', childId: row.childId, address: options.address },
			now
		);
	}
	const [shown] = cardsFor(db, actor, relation, [row], options.locale);
	const release = row.visibility === 'confidential' ? releasesOf(db, [row.id]).get(row.id) : null;
	return {
		child: { id: relation.child.id, preferredName: relation.child.preferredName },
		entry: shown!,
		draft: row.status === 'draft' ? row : null,
		mayCorrect:
			row.status === 'final' &&
			row.kind !== 'confidential_release' &&
			shown!.view === 'full' &&
			permissions.can.writeRecord,
		mayRelease: access.inConfidentialReview(actor, relation, row, !!release),
		/** An advocate, with the child, may say the child disagrees. */
		mayDisagree: access.mayDispute(actor, relation, row, release?.visibility ?? null),
		mayLink: access.mayLink(actor, relation, row)
	};
}
