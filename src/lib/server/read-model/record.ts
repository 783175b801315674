import { and, asc, count, desc, eq, inArray, notInArray, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../db';
import {
	entry,
	user,
	type Entry,
	type EntryKind,
	type Nature,
	type Visibility
} from '../db/schema';
import type { EntryCard } from '../../record/card';
import * as access from '../access';
import * as accessLog from '../audit/access-log';
import { cardsFor } from './cards';
import { recordAlertSince } from '../record/alerts';
import { releasesOf } from '../record/confidential';

export type Filters = {
	kind?: EntryKind | null;
	nature?: Nature | null;
	visibility?: Visibility | null;
	authorId?: string | null;
};

/** Earliest first is the chronology's order (the policy's "ascending date order"); a child may turn it. */
export type Order = 'oldest' | 'newest';

/** The order a reader asked for in the address: earliest first unless they asked otherwise. */
export function orderFrom(value: string | null): Order {
	return value === 'newest' ? 'newest' : 'oldest';
}

function orderBy(order: Order) {
	const by = order === 'newest' ? desc : asc;
	return [by(entry.eventSort), by(entry.recordedAt), by(entry.id)];
}

function filterConditions(filters: Filters): (SQL | undefined)[] {
	return [
		filters.kind ? eq(entry.kind, filters.kind) : undefined,
		filters.nature ? eq(entry.nature, filters.nature) : undefined,
		filters.visibility ? eq(entry.visibility, filters.visibility) : undefined,
		filters.authorId ? eq(entry.authorUserId, filters.authorId) : undefined
	];
}

export const pageSize = { staff: 25, child: 20 } as const;

/** Kinds a child reads beside the entry they answer, not as entries of their own. */
export const attachedKinds = [
	'view_response',
	'disagreement_response',
	'case_record_link'
] as const;

/**
 * A page of a record, earliest first unless asked otherwise. The ids come from the covering index
 * alone (no entry's text is read to sort or count); then only that page's rows are fetched. A
 * caller that has already counted the rows passes `total`.
 */
export function pageOf(
	db: Db,
	where: SQL | undefined,
	requested: number,
	size: number,
	options: { order?: Order; total?: number } = {}
) {
	const total = options.total ?? db.select({ n: count() }).from(entry).where(where).get()?.n ?? 0;
	const pages = Math.max(1, Math.ceil(total / size));
	const page = Math.min(Math.max(1, requested), pages);
	const ids = db
		.select({ id: entry.id })
		.from(entry)
		.where(where)
		.orderBy(...orderBy(options.order ?? 'oldest'))
		.limit(size)
		.offset((page - 1) * size)
		.all()
		.map((r) => r.id);
	const rows = ids.length ? db.select().from(entry).where(inArray(entry.id, ids)).all() : [];
	const byId = new Map(rows.map((row) => [row.id, row]));
	return { rows: ids.map((id) => byId.get(id)!), page, pages, total };
}

/**
 * The page that holds one entry of `where`, in that order, or null when the entry is not in it
 * (not this reader's, or not there): one count over the index of the rows that come before it.
 */
export function pageHolding(
	db: Db,
	where: SQL | undefined,
	entryId: string,
	size: number,
	order: Order = 'oldest'
): number | null {
	const at = db
		.select({ sort: entry.eventSort, recordedAt: entry.recordedAt, id: entry.id })
		.from(entry)
		.where(and(where, eq(entry.id, entryId)))
		.get();
	if (!at) return null;
	// Final entries always have their recorded-at: the row value compares in the index's order.
	const key = sql`(${at.sort}, ${at.recordedAt?.getTime() ?? 0}, ${at.id})`;
	const row = sql`(${entry.eventSort}, ${entry.recordedAt}, ${entry.id})`;
	const before = order === 'newest' ? sql`${row} > ${key}` : sql`${row} < ${key}`;
	const n = db.select({ n: count() }).from(entry).where(and(where, before)).get()?.n ?? 0;
	return Math.floor(n / size) + 1;
}

/**
 * The years a record has something in, in the order asked, with the page each one starts on: one
 * grouped count over the index, whose sum is the record's size. A year that holds only notes of
 * the confidential section is counted but not listed: a note says when it was lodged, not when
 * the thing happened.
 */
export function yearsOf(db: Db, where: SQL | undefined, size: number, order: Order = 'oldest') {
	const year = sql<string>`substr(${entry.eventSort}, 1, 4)`;
	const counts = db
		.select({
			year,
			n: count(),
			shown: sql<number>`sum(${entry.visibility} <> 'confidential')`
		})
		.from(entry)
		.where(where)
		.groupBy(year)
		.orderBy(order === 'newest' ? desc(year) : asc(year))
		.all();
	let before = 0;
	const years: { year: string; page: number }[] = [];
	for (const { year, n, shown } of counts) {
		if (shown > 0) years.push({ year, page: Math.floor(before / size) + 1 });
		before += n;
	}
	return { years, total: before };
}

/** The first entry of each year among a page's rows (not a confidential note), to jump to. */
export function firstOfEachYear(rows: Entry[], cards: EntryCard[]): Map<string, string> {
	const firsts = new Map<string, string>();
	const seen = new Set<string>();
	rows.forEach((row, i) => {
		const year = row.eventDate.slice(0, 4);
		if (cards[i]!.view !== 'full' || seen.has(year)) return;
		seen.add(year);
		firsts.set(row.id, year);
	});
	return firsts;
}

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
	const where = and(
		access.entryScope(actor, relation),
		eq(entry.status, 'final'),
		...filterConditions(options.filters)
	);
	const { rows, page, pages, total } = pageOf(db, where, options.page, pageSize.staff);
	// Everyone who wrote in this record, for the filter: ids from the index, names from accounts.
	const authorIds = db
		.selectDistinct({ id: entry.authorUserId })
		.from(entry)
		.where(and(access.entryScope(actor, relation), eq(entry.status, 'final')))
		.all()
		.map((a) => a.id);
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
		entries: cardsFor(db, actor, relation, rows, null),
		drafts: db
			.select({ id: entry.id, title: entry.title, updatedAt: entry.updatedAt })
			.from(entry)
			.where(
				and(eq(entry.childId, childId), eq(entry.status, 'draft'), eq(entry.authorUserId, actor.id))
			)
			.orderBy(asc(entry.updatedAt))
			.all(),
		authors,
		page,
		pages,
		total,
		mayWrite: permissions.can.writeRecord
	};
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
	const { rows, page, pages, total } = pageOf(db, where, holding ?? options.page, size, {
		order,
		total: counted
	});
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
