import { and, asc, count, desc, eq, inArray, notInArray, type SQL } from 'drizzle-orm';
import type { Db } from '../db';
import { entry, user, type EntryKind, type Nature, type Visibility } from '../db/schema';
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

const ordered = [asc(entry.eventSort), asc(entry.recordedAt), asc(entry.id)];

/** Visibility filters by where an entry is now: one moved out of the confidential section, where it went. */
function filterConditions(db: Db, filters: Filters): (SQL | undefined)[] {
	return [
		filters.kind ? eq(entry.kind, filters.kind) : undefined,
		filters.nature ? eq(entry.nature, filters.nature) : undefined,
		filters.visibility ? access.visibilityNowScope(db, filters.visibility) : undefined,
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
 * A page of a record, earliest first. The ids come from the covering index alone (no entry's text
 * is read to sort or count); then only that page's rows are fetched.
 */
export function pageOf(db: Db, where: SQL | undefined, requested: number, size: number) {
	const total = db.select({ n: count() }).from(entry).where(where).get()?.n ?? 0;
	const pages = Math.max(1, Math.ceil(total / size));
	const page = Math.min(Math.max(1, requested), pages);
	const ids = db
		.select({ id: entry.id })
		.from(entry)
		.where(where)
		.orderBy(...ordered)
		.limit(size)
		.offset((page - 1) * size)
		.all()
		.map((r) => r.id);
	const rows = ids.length ? db.select().from(entry).where(inArray(entry.id, ids)).all() : [];
	const byId = new Map(rows.map((row) => [row.id, row]));
	return { rows: ids.map((id) => byId.get(id)!), page, pages, total };
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
		...filterConditions(db, options.filters)
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
 * Everything in the child's own record that they may read, earliest first, a page at a time: the
 * one query behind "My record" (a page of `pageSize.child`) and "My story" (story.ts groups the
 * same rows by year, with its own page size). The relation comes back for what the caller adds.
 */
export function childRecord(
	db: Db,
	actor: access.Actor,
	options: { page: number; locale: string; size?: number },
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
	const { rows, page, pages, total } = pageOf(db, where, options.page, size);
	const entries = cardsFor(db, actor, relation, rows, options.locale);
	return { entries, rows, relation, page, pages, total };
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
