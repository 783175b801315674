import { and, asc, eq, sql } from 'drizzle-orm';
import type { Db } from '../db';
import { inJsonList, preparedOnce } from '../db/prepared';
import { entry, type Entry } from '../db/schema';

const about = preparedOnce((db) =>
	db
		.select()
		.from(entry)
		.where(
			and(
				eq(entry.status, 'final'),
				eq(entry.kind, sql.placeholder('kind')),
				inJsonList(entry.supersedesId, 'ids')
			)
		)
		.orderBy(asc(entry.recordedAt), asc(entry.seq))
		.prepare()
);

/**
 * The final entries of one kind that point at any of these entries (by `supersedes_id`):
 * corrections of them, answers to them, disagreements with them, links of them into the case
 * record. Found by their own index, oldest first; one statement prepared once for every kind
 * and any number of ids.
 */
export function entriesAbout(db: Db, ids: string[], kind: Entry['kind']): Entry[] {
	if (!ids.length) return [];
	return about(db).all({ kind, ids: JSON.stringify(ids) });
}

const byIds = preparedOnce((db) =>
	db.select().from(entry).where(inJsonList(entry.id, 'ids')).prepare()
);

/** The entries with these ids (any status), in no particular order. */
export function entriesWithIds(db: Db, ids: string[]): Entry[] {
	return ids.length ? byIds(db).all({ ids: JSON.stringify(ids) }) : [];
}
