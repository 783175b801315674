import { and, asc, count, desc, eq, notInArray, sql, type SQL } from 'drizzle-orm';
import { preparedByShape } from '../db/prepared';
import type { Db } from '../db';
import { entry, type Entry, type EntryKind, type Nature, type Visibility } from '../db/schema';
import type { EntryCard } from '../../record/card';
import * as access from '../access';
import { entriesWithIds } from '../record/about';

/**
 * Pages of a record: the order, the filters, a page of ids from the covering index (statements
 * prepared once per shape of list), the page that holds one entry and where each year starts.
 * record.ts builds the staff chronology and the child's record on these.
 */

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

export const pageSize = { staff: 25, child: 20 } as const;

/** Kinds a child reads beside the entry they answer, not as entries of their own. */
export const attachedKinds = [
	'view_response',
	'disagreement_response',
	'case_record_link'
] as const;

type ListShape = {
	scope: access.ScopeShape;
	/** The filters set, each a placeholder; the visibility's value is part of the shape. */
	filters: Exclude<keyof Filters, 'visibility'>[];
	visibility: Visibility | null;
	withoutAttached: boolean;
	order: Order;
};

const filterColumns = {
	kind: entry.kind,
	nature: entry.nature,
	authorId: entry.authorUserId
} as const;

/**
 * Counting a list and finding one page of its ids: a statement pair prepared once for each shape
 * of list (the kind of reader, any seal, which filters are set), each request filling in only
 * the values. The scope is the access module's (finalEntryScope, held to entryScope by a test).
 */
const listQueries = preparedByShape((db, shape: ListShape) => {
	const where = and(
		access.finalEntryScope(shape.scope),
		...shape.filters.map((f) => eq(filterColumns[f], sql.placeholder(f))),
		// By where an entry is now: one moved out of the confidential section, where it went.
		shape.visibility ? access.visibilityNowScope(db, shape.visibility) : undefined,
		shape.withoutAttached ? notInArray(entry.kind, [...attachedKinds]) : undefined
	);
	return {
		count: db.select({ n: count() }).from(entry).where(where).prepare(),
		ids: db
			.select({ id: entry.id })
			.from(entry)
			.where(where)
			.orderBy(...orderBy(shape.order))
			.limit(sql.placeholder('limit'))
			.offset(sql.placeholder('offset'))
			.prepare(),
		authors: db
			.selectDistinct({ id: entry.authorUserId })
			.from(entry)
			.where(access.finalEntryScope(shape.scope))
			.prepare()
	};
});

/**
 * A page of the final entries a reader may see in a record, earliest first. The ids come from the
 * covering index alone (no entry's text is read to sort or count); then only that page's rows
 * are fetched.
 */
export function pageOf(
	db: Db,
	actor: access.Actor,
	relation: access.ChildRelation,
	list: { filters?: Filters; withoutAttached?: boolean },
	requested: number,
	size: number,
	options: { order?: Order; total?: number } = {}
) {
	const scope = access.scopeOf(actor, relation);
	const filters = (Object.keys(filterColumns) as (keyof typeof filterColumns)[]).filter(
		(f) => !!list.filters?.[f]
	);
	const visibility = list.filters?.visibility ?? null;
	const withoutAttached = !!list.withoutAttached;
	const order = options.order ?? 'oldest';
	const key = `${scope.shape}|${filters.join(',')}|${visibility}|${withoutAttached}|${order}`;
	const queries = listQueries(db, key, {
		scope: scope.shape,
		filters,
		visibility,
		withoutAttached,
		order
	});
	const values: Record<string, unknown> = { ...scope.values };
	for (const f of filters) values[f] = list.filters![f];
	// A caller that has already counted the rows (childRecord, by year) passes the total.
	const total = options.total ?? queries.count.get(values)?.n ?? 0;
	const pages = Math.max(1, Math.ceil(total / size));
	const page = Math.min(Math.max(1, requested), pages);
	const ids = queries.ids
		.all({ ...values, limit: size, offset: (page - 1) * size })
		.map((r) => r.id);
	const rows = entriesWithIds(db, ids);
	const byId = new Map(rows.map((row) => [row.id, row]));
	// Everyone who wrote a final entry this reader may see (for the staff filter), on demand.
	const authors = () => queries.authors.all(scope.values).map((a) => a.id);
	return { rows: ids.map((id) => byId.get(id)!), page, pages, total, authors };
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
