import { eq } from 'drizzle-orm';
import type { AppDatabase } from '../db';
import { entry, entryKinds, visibilities, type User } from '../db/schema';
import { createDraft } from '../record/write';
import { actorFor, entryInput, finalEntry } from './factories';

/**
 * One entry of every kind in every visibility, final and as the author's draft, in one child's
 * record, plus shared third-party information without permission: the rows the tests that hold an
 * access rule's predicate and its query scope together walk through. Kinds and visibilities are
 * set after writing (the final-entry trigger is dropped in this test database), as an older
 * import might have left them. Keys: `status/kind/visibility`, and `final/third_party`.
 */
export function seedEveryEntry(
	db: AppDatabase,
	author: User,
	childId: string
): Map<string, string> {
	db.$client.exec('DROP TRIGGER IF EXISTS entry_final_no_update');
	const actor = actorFor(db, author);
	const ids = new Map<string, string>();
	for (const kind of entryKinds) {
		for (const visibility of visibilities) {
			const final = finalEntry(db, author, childId);
			const draft = createDraft(db, actor, childId, entryInput());
			for (const row of [final, draft]) {
				db.update(entry).set({ kind, visibility }).where(eq(entry.id, row.id)).run();
				ids.set(`${row.status}/${kind}/${visibility}`, row.id);
			}
		}
	}
	const thirdParty = finalEntry(db, author, childId);
	db.update(entry)
		.set({ nature: 'third_party', thirdPartyPermission: false })
		.where(eq(entry.id, thirdParty.id))
		.run();
	ids.set('final/third_party', thirdParty.id);
	return ids;
}
