import { and, ne, sql, type SQL } from 'drizzle-orm';
import { entry } from '../db/schema';
import type { Actor } from './actor';
import type { ChildRelation } from './relation';
import { entryScope, readerOf } from './entries';

/**
 * The entries a reader sees in full: entryScope without the neutral notes (a confidential item
 * shows a child or advocate only that it was lodged). The same as `entryView(...) === 'full'` for
 * an item no manager moved out of the confidential section; full.spec.ts holds the two together.
 * The rules that need the content of an entry (disputing it, linking it) start from here.
 */
export function fullViewScope(actor: Actor, relation: ChildRelation): SQL {
	const scope = entryScope(actor, relation);
	if (readerOf(actor, relation) === 'staff') return scope;
	return and(scope, ne(entry.visibility, 'confidential'))!;
}

/** A condition no entry meets: for a reader a rule gives nothing. */
export const noEntries: SQL = sql`0 = 1`;
