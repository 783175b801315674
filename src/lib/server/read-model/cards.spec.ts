import { describe, expect, it } from 'vitest';
import { createTestDb } from '../test/db';
import { actorFor, appendRow, finalEntry, makeWorld } from '../test/factories';
import { permissionsOn } from '../access';
import { childRecord, chronology } from './record';
import { today } from '../dates/day';
import type { FullCard } from '../../record/card';

describe('the disputes on a card', () => {
	it('are only the disagreements this reader may see in full', () => {
		const db = createTestDb();
		const w = makeWorld(db);
		const childId = w.child.profile.id;
		const shared = finalEntry(db, w.keyWorker, childId);
		// A disagreement-shaped row the forms never make: staff only, about a shared entry.
		const staffOnly = appendRow(db, w.keyWorker, childId, {
			kind: 'disagreement',
			visibility: 'staff_only',
			supersedesId: shared.id,
			details: {
				disagreement: {
					wrong: 'Staff-only words about the entry',
					happened: '',
					wants: ['addSide'],
					receivedOn: today()
				}
			}
		});
		const disputesSeenBy = (cards: unknown[]) =>
			(cards as FullCard[]).find((c) => c.id === shared.id)!.disputes.map((d) => d.id);

		const child = actorFor(db, w.child.account!);
		const mine = childRecord(db, child, { page: 1, locale: 'en-GB' }).entries;
		expect(disputesSeenBy(mine)).toEqual([]);
		expect(JSON.stringify(mine)).not.toContain('Staff-only words');

		const advocate = permissionsOn(db, actorFor(db, w.advocate), childId);
		const asAdvocate = chronology(db, advocate, { filters: {}, page: 1, address: null });
		expect(disputesSeenBy(asAdvocate.entries)).toEqual([]);

		const manager = permissionsOn(db, actorFor(db, w.manager), childId);
		const asManager = chronology(db, manager, { filters: {}, page: 1, address: null });
		expect(disputesSeenBy(asManager.entries)).toEqual([staffOnly.id]);
	});
});
