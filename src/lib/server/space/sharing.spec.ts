import { describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { createTestDb } from '../test/db';
import { actorFor, childEntryInput, finalEntry, makeWorld } from '../test/factories';
import { accessLog, entry } from '../db/schema';
import { AccessDenied, permissionsOn } from '../access';
import { RecordError } from '../record/errors';
import { verifyChains } from '../record/verify';
import { chronology } from '../read-model/record';
import { myViews } from '../read-model/views';
import { advocateSharing, setAdvocateSharing } from './sharing';
import { sendViewsWith } from './child-entries';
import { inboxFor } from './inbox';

function setup() {
	const db = createTestDb();
	const w = makeWorld(db);
	return {
		db,
		w,
		childId: w.child.profile.id,
		child: actorFor(db, w.child.account!),
		advocate: actorFor(db, w.advocate),
		keyWorker: actorFor(db, w.keyWorker)
	};
}

const filters = { kind: null, nature: null, visibility: null, authorId: null };

describe("the child's choice: does their advocate read their record?", () => {
	it('yes by default; the child stops it and starts it again, each change in the access log', () => {
		const { db, w, childId, child, advocate } = setup();
		const shared = finalEntry(db, w.keyWorker, childId, { title: 'Shared with Maya' });
		const titles = () =>
			chronology(db, permissionsOn(db, advocate, childId), {
				filters,
				page: 1,
				address: null
			}).entries.map((c) => c.id);
		expect(advocateSharing(db, child)).toEqual({ sees: true, advocates: [w.advocate.displayName] });
		expect(titles()).toContain(shared.id);

		setAdvocateSharing(db, child, false, null);
		expect(advocateSharing(db, child).sees).toBe(false);
		expect(titles()).not.toContain(shared.id);
		const advocateRecord = chronology(db, permissionsOn(db, advocate, childId), {
			filters,
			page: 1,
			address: null
		});
		expect(advocateRecord.recordWithheld).toBe(true);
		expect(advocateRecord.visibilities).toEqual([]);

		setAdvocateSharing(db, child, true, null);
		expect(titles()).toContain(shared.id);
		const logged = db
			.select({ action: accessLog.action })
			.from(accessLog)
			.where(eq(accessLog.childId, childId))
			.all()
			.map((r) => r.action)
			.filter((a) => a.startsWith('advocate-sharing'));
		expect(logged).toEqual(['advocate-sharing-stopped', 'advocate-sharing-started']);
	});

	it('is the child’s alone: no worker, advocate or other child makes it', () => {
		const { db, w, keyWorker, advocate } = setup();
		for (const someone of [keyWorker, advocate, actorFor(db, w.manager), actorFor(db, w.admin)]) {
			expect(() => setAdvocateSharing(db, someone, false, null)).toThrow(AccessDenied);
		}
		// Another child changes only their own.
		setAdvocateSharing(db, actorFor(db, w.otherChild.account!), false, null);
		expect(advocateSharing(db, actorFor(db, w.child.account!)).sees).toBe(true);
	});

	it('offers staff every visibility filter and the advocate only "shared"', () => {
		const { db, childId, advocate, keyWorker } = setup();
		const of = (who: typeof advocate) =>
			chronology(db, permissionsOn(db, who, childId), { filters, page: 1, address: null })
				.visibilities;
		expect(of(keyWorker)).toEqual(['shared', 'staff_only', 'confidential']);
		expect(of(advocate)).toEqual(['shared']);
	});
});

describe('views an advocate writes with the child', () => {
	const views = childEntryInput({
		kind: 'view',
		title: 'My views',
		visibility: 'advocate',
		details: { answers: { want: 'To stay at Oak House.' } }
	});

	it('go into the record in the child’s words, written with help from the advocate, for the child and their workers', () => {
		const { db, w, childId, child, advocate, keyWorker } = setup();
		const sent = sendViewsWith(db, advocate, childId, views, null);
		expect(sent).toMatchObject({
			status: 'final',
			kind: 'view',
			sourceKind: 'helped',
			authorUserId: w.advocate.id,
			visibility: 'advocate'
		});
		expect(sent.sourceName).toContain(w.advocate.displayName);
		expect(myViews(db, child, 'en-GB').views.map((c) => c.id)).toContain(sent.id);
		expect(inboxFor(db, keyWorker).map((i) => i.id)).toContain(sent.id);
		// Not news to the advocate who wrote it.
		expect(inboxFor(db, advocate).map((i) => i.id)).not.toContain(sent.id);
		expect(verifyChains(db).ok).toBe(true);
	});

	it('are seen by whom the child chose: "me and my workers" leaves the advocate out', () => {
		const { db, childId, advocate, keyWorker } = setup();
		const sent = sendViewsWith(db, advocate, childId, { ...views, visibility: 'workers' }, null);
		const seenBy = (who: typeof advocate) =>
			chronology(db, permissionsOn(db, who, childId), { filters, page: 1, address: null });
		expect(db.select().from(entry).where(eq(entry.id, sent.id)).get()?.visibility).toBe('workers');
		expect(inboxFor(db, keyWorker).map((i) => i.id)).toContain(sent.id);
		expect(seenBy(advocate).entries.map((c) => c.id)).not.toContain(sent.id);
	});

	it('never "just me" (that the child writes alone), never empty, and only by the child’s advocate', () => {
		const { db, w, childId, advocate, keyWorker } = setup();
		expect(() =>
			sendViewsWith(db, advocate, childId, { ...views, visibility: 'just_me' }, null)
		).toThrow(RecordError);
		expect(() =>
			sendViewsWith(
				db,
				advocate,
				childId,
				{ ...views, details: {}, body: { doc: views.body.doc, text: '' } },
				null
			)
		).toThrow(RecordError);
		expect(() => sendViewsWith(db, keyWorker, childId, views, null)).toThrow(AccessDenied);
		expect(() => sendViewsWith(db, advocate, w.otherChild.profile.id, views, null)).toThrow(
			AccessDenied
		);
	});
});
