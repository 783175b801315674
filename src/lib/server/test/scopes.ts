import type { Db } from '../db';
import { entry } from '../db/schema';
import { finalEntryScope, ownDraftScope, scopeOf } from '../access/entries';
import type { Actor } from '../access/actor';
import type { ChildRelation } from '../access/relation';

/** The ids in each prepared scope (entries.ts) for this reader, for tests that hold them to entryView. */
export function idsInPreparedScopes(db: Db, actor: Actor, relation: ChildRelation) {
	const { shape, values } = scopeOf(actor, relation);
	const ids = (where: ReturnType<typeof finalEntryScope>) =>
		new Set(
			db
				.select({ id: entry.id })
				.from(entry)
				.where(where)
				.prepare()
				.all(values)
				.map((r) => r.id)
		);
	return { finals: ids(finalEntryScope(shape)), ownDrafts: ids(ownDraftScope(shape)) };
}
