import { and, asc, eq, inArray } from 'drizzle-orm';
import type { Db } from '../db';
import { entry, type Entry } from '../db/schema';

/**
 * The final entries of one kind that point at any of these entries (by `supersedes_id`):
 * corrections of them, answers to them, disagreements with them, links of them into the case
 * record. Found by their own index, oldest first.
 */
export function entriesAbout(db: Db, ids: string[], kind: Entry['kind']): Entry[] {
	if (!ids.length) return [];
	return db
		.select()
		.from(entry)
		.where(and(eq(entry.status, 'final'), eq(entry.kind, kind), inArray(entry.supersedesId, ids)))
		.orderBy(asc(entry.recordedAt), asc(entry.seq))
		.all();
}
