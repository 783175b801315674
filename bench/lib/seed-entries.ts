import type { Db } from '../../src/lib/server/db';
import type { User } from '../../src/lib/server/db/schema';
import { actorFor, entryInput } from '../../src/lib/server/test/factories';
import { createDraft, finaliseEntry } from '../../src/lib/server/record/write';
import { docFromPlainText } from '../../src/lib/server/record/sanitise';

const text =
	'Maya went to her looked-after review today. She said she is happy at Oak House and wants to keep swimming.\n\nHer PEP meeting is next month.';

/** Many realistic entries through the real write path: drafts, then finalised into the chain. */
export function seedEntries(db: Db, author: User, childId: string, count: number) {
	const actor = actorFor(db, author);
	let shared = 0;
	let visibleToChild = 0;
	const start = Date.UTC(2013, 4, 14);
	db.transaction((tx) => {
		for (let i = 0; i < count; i++) {
			const at = new Date(start + i * 86_400_000 * 0.9);
			const visibility = i % 10 < 6 ? 'shared' : i % 10 < 9 ? 'staff_only' : 'confidential';
			const nature = (['fact', 'opinion', 'fact', 'decision'] as const)[i % 4]!;
			if (visibility === 'shared') shared++;
			if (visibility !== 'staff_only') visibleToChild++;
			const draft = createDraft(
				tx,
				actor,
				childId,
				entryInput({
					title: `Entry ${i + 1}: a day in Maya's life`,
					body: docFromPlainText(text),
					eventDate: at.toISOString().slice(0, 10),
					visibility,
					nature,
					opinionReasons: nature === 'opinion' ? 'What she said and did.' : null,
					decisionBy: nature === 'decision' ? 'Looked-after review' : null,
					decisionBasis: nature === 'decision' ? 'Her wishes and her plan.' : null,
					confidentialReason: visibility === 'confidential' ? 'Police request.' : null
				}),
				at
			);
			finaliseEntry(tx, actor, draft.id, null, at);
		}
	});
	return { total: count, shared, visibleToChild };
}
