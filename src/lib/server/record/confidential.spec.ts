import { describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { createTestDb } from '../test/db';
import { actorFor, assignTo, finalEntry, makeUser, makeWorld } from '../test/factories';
import { accessLog, entry } from '../db/schema';
import { AccessDenied, permissionsOn } from '../access';
import { confidentialQueue, releaseConfidential, type ReleaseInput } from './confidential';
import { childRecord, chronology } from '../read-model/record';
import { verifyChains } from './verify';
import { RecordError } from './errors';
import type { FullCard } from '../../record/card';

function setup() {
	const db = createTestDb();
	const w = makeWorld(db);
	const childId = w.child.profile.id;
	const lodged = finalEntry(db, w.socialWorker, childId, {
		title: 'Letter from the police',
		visibility: 'confidential',
		confidentialReason: 'An investigation is still open.'
	});
	return { db, w, childId, lodged, manager: actorFor(db, w.manager) };
}

const agreed: ReleaseInput = {
	visibility: 'shared',
	originatorConsulted: true,
	originatorView: 'The investigation closed; I agree Maya can read this.'
};

function childCards(db: ReturnType<typeof setup>['db'], w: ReturnType<typeof setup>['w']) {
	const actor = actorFor(db, w.child.account!);
	return childRecord(db, actor, { page: 1, locale: 'en-GB' }).entries;
}

describe('the confidential section', () => {
	it("lists what is lodged for the manager's own children, with reason, originator and date", () => {
		const { db, w, lodged, manager } = setup();
		const elsewhere = makeUser(db, w.org.id, 'key_worker', { unitId: w.otherHome.id });
		assignTo(db, elsewhere, w.otherChild.profile.id, 'key_worker');
		finalEntry(db, elsewhere, w.otherChild.profile.id, {
			visibility: 'confidential',
			confidentialReason: 'Not this manager’s child.'
		});
		finalEntry(db, w.socialWorker, w.child.profile.id, { visibility: 'staff_only' });
		const items = confidentialQueue(db, manager, null);
		expect(items).toEqual([
			expect.objectContaining({
				id: lodged.id,
				childId: w.child.profile.id,
				title: 'Letter from the police',
				reason: 'An investigation is still open.',
				authorName: w.socialWorker.displayName,
				lodgedAt: lodged.recordedAt
			})
		]);
		// Reading the list is reading the child's record: the child can see it was opened.
		const log = db.select().from(accessLog).where(eq(accessLog.actorUserId, w.manager.id)).all();
		expect(log.map((l) => [l.action, l.childId])).toContainEqual([
			'record-viewed',
			w.child.profile.id
		]);
	});

	it('is the manager’s alone', () => {
		const { db, w, lodged } = setup();
		for (const who of [w.keyWorker, w.socialWorker, w.advocate, w.admin, w.child.account!]) {
			const actor = actorFor(db, who);
			expect(() => confidentialQueue(db, actor, null)).toThrow(AccessDenied);
			expect(() => releaseConfidential(db, actor, lodged.id, agreed, null)).toThrow(AccessDenied);
		}
		const otherManager = makeUser(db, w.org.id, 'manager', { unitId: w.otherHome.id });
		const other = actorFor(db, otherManager);
		expect(confidentialQueue(db, other, null)).toEqual([]);
		expect(() => releaseConfidential(db, other, lodged.id, agreed, null)).toThrow(AccessDenied);
	});

	it('moves an item out only after the originator was consulted, with their view', () => {
		const { db, lodged, manager } = setup();
		const refused = (input: ReleaseInput) => {
			try {
				releaseConfidential(db, manager, lodged.id, input, null);
			} catch (e) {
				if (e instanceof RecordError) return e.problems;
				throw e;
			}
			throw new Error('accepted');
		};
		expect(refused({ ...agreed, originatorConsulted: false })).toEqual({
			originatorConsulted: 'record.problem.consulted'
		});
		expect(refused({ ...agreed, originatorView: '' })).toEqual({
			originatorView: 'form.required'
		});
		expect(refused({ ...agreed, visibility: null })).toEqual({ visibility: 'form.required' });
		expect(db.select().from(entry).all()).toHaveLength(1);
	});

	it('never shares third-party information without recorded permission', () => {
		const { db, w, childId, manager } = setup();
		const thirdParty = finalEntry(db, w.socialWorker, childId, {
			nature: 'third_party',
			sourceKind: 'document',
			sourceName: 'Police report',
			visibility: 'confidential',
			confidentialReason: 'Third party'
		});
		expect(() => releaseConfidential(db, manager, thirdParty.id, agreed, null)).toThrow(
			RecordError
		);
		// Staff only is allowed.
		releaseConfidential(db, manager, thirdParty.id, { ...agreed, visibility: 'staff_only' }, null);
	});

	it('shows the child the item in full once moved to shared, but never the decision', () => {
		const { db, w, childId, lodged, manager } = setup();
		expect(childCards(db, w)).toEqual([
			{ view: 'neutral', id: lodged.id, recordedAt: lodged.recordedAt }
		]);
		const now = new Date(Date.now() + 1000);
		const decision = releaseConfidential(db, manager, lodged.id, agreed, null, now);
		expect(decision).toMatchObject({
			kind: 'confidential_release',
			status: 'final',
			supersedesId: lodged.id,
			visibility: 'shared',
			authorUserId: w.manager.id,
			sourceName: w.socialWorker.displayName,
			decisionBasis: agreed.originatorView
		});
		const cards = childCards(db, w);
		expect(cards).toHaveLength(1);
		const card = cards[0] as FullCard;
		expect(card).toMatchObject({ view: 'full', id: lodged.id, title: 'Letter from the police' });
		expect(card.released).toEqual({ recordedAt: now, id: null, to: null });
		expect(JSON.stringify(cards)).not.toContain(agreed.originatorView);
		// The item itself never changed; the decision joined the chain.
		expect(db.select().from(entry).where(eq(entry.id, lodged.id)).get()).toEqual(lodged);
		expect(verifyChains(db).ok).toBe(true);
		// Staff see both, and where the item went.
		const staff = chronology(db, permissionsOn(db, actorFor(db, w.keyWorker), childId), {
			filters: {},
			page: 1,
			address: null
		});
		const original = staff.entries.find((e) => e.id === lodged.id) as FullCard;
		expect(original.released).toEqual({ recordedAt: now, id: decision.id, to: 'shared' });
		expect(staff.entries.map((e) => e.id)).toContain(decision.id);
		// Once moved, it is no longer on the list, and cannot be moved again.
		expect(confidentialQueue(db, manager, null)).toEqual([]);
		expect(() => releaseConfidential(db, manager, lodged.id, agreed, null)).toThrow(AccessDenied);
	});

	it('keeps the note of lodging for the child when moved to staff only', () => {
		const { db, w, lodged, manager } = setup();
		releaseConfidential(db, manager, lodged.id, { ...agreed, visibility: 'staff_only' }, null);
		expect(childCards(db, w)).toEqual([
			{ view: 'neutral', id: lodged.id, recordedAt: lodged.recordedAt }
		]);
	});

	it('refuses items that are not in the confidential section', () => {
		const { db, w, childId, manager } = setup();
		const shared = finalEntry(db, w.keyWorker, childId);
		expect(() => releaseConfidential(db, manager, shared.id, agreed, null)).toThrow(AccessDenied);
	});
});
