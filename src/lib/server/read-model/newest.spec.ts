import { describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { createTestDb } from '../test/db';
import { actorFor, childEntryInput, finalEntry, makeWorld } from '../test/factories';
import { accessLog } from '../db/schema';
import { permissionsOn } from '../access';
import { createChildDraft, sendChildEntry } from '../space/child-entries';
import { docFromPlainText } from '../record/sanitise';
import { newestEntries } from './record';

describe('the newest entries beside the writing form', () => {
	it("are the record's newest, as the reader may see them, and reading them is logged", () => {
		const db = createTestDb();
		const w = makeWorld(db);
		const childId = w.child.profile.id;
		const child = actorFor(db, w.child.account!);
		const worker = actorFor(db, w.keyWorker);
		for (const day of ['2025-01-01', '2025-03-01', '2025-02-01']) {
			finalEntry(db, w.keyWorker, childId, { title: `On ${day}`, eventDate: day });
		}
		sendChildEntry(
			db,
			child,
			createChildDraft(
				db,
				child,
				childEntryInput({ visibility: 'just_me', body: docFromPlainText('Only mine.') })
			).id,
			null
		);
		const cards = newestEntries(db, permissionsOn(db, worker, childId), {
			address: null,
			limit: 2
		});
		expect(cards.map((c) => (c.view === 'full' ? c.title : c.view))).toEqual([
			'On 2025-03-01',
			'On 2025-02-01'
		]);
		expect(
			JSON.stringify(newestEntries(db, permissionsOn(db, worker, childId), { address: null }))
		).not.toContain('Only mine.');
		const logged = db.select().from(accessLog).where(eq(accessLog.actorUserId, worker.id)).all();
		expect(logged.map((l) => l.action)).toContain('record-viewed');
	});
});
