import { describe, expect, it } from 'vitest';
import { eq, inArray } from 'drizzle-orm';
import { createTestDb } from '../test/db';
import { actorFor, assignTo, finalEntry, makeUser, makeWorld } from '../test/factories';
import { seedEveryEntry } from '../test/every-entry';
import { entry, entryKinds } from '../db/schema';
import { disagreementScope, disputableKinds, mayDispute, seesDisagreement } from './disputes';
import { relationToChild } from './relation';
import { releaseConfidential } from '../record/confidential';
import { disputableEntry } from '../disagreements/disagree';
import { AccessDenied } from './actor';

function world() {
	const db = createTestDb();
	const w = makeWorld(db);
	const childId = w.child.profile.id;
	const ids = seedEveryEntry(db, w.keyWorker, childId);
	const rowOf = (id: string) => db.select().from(entry).where(eq(entry.id, id)).get()!;
	const readers = {
		child: actorFor(db, w.child.account!),
		keyWorker: actorFor(db, w.keyWorker),
		socialWorker: actorFor(db, w.socialWorker),
		advocate: actorFor(db, w.advocate),
		manager: actorFor(db, w.manager),
		admin: actorFor(db, w.admin),
		otherChild: actorFor(db, w.otherChild.account!)
	};
	const relationOf = (who: keyof typeof readers) =>
		relationToChild(db, readers[who], childId, new Date())!;
	return { db, w, childId, ids, rowOf, readers, relationOf };
}

describe('"I disagree": which entries', () => {
	const { ids, rowOf, readers, relationOf } = world();

	it('the child disputes a shared final entry of four kinds: what staff wrote for them to read', () => {
		const disputable = entryKinds.filter((kind) =>
			mayDispute(readers.child, relationOf('child'), rowOf(ids.get(`final/${kind}/shared`)!))
		);
		expect(disputable).toEqual(['record_entry', 'decision', 'correction', 'view_response']);
		expect(disputable).toEqual([...disputableKinds]);
	});

	it('only the child, or their advocate with them, and only what they read in full', () => {
		const shared = rowOf(ids.get('final/record_entry/shared')!);
		const may = (who: keyof typeof readers, row = shared) =>
			mayDispute(readers[who], relationOf(who), row);
		expect(may('child')).toBe(true);
		expect(may('advocate')).toBe(true);
		for (const who of ['keyWorker', 'socialWorker', 'manager', 'admin', 'otherChild'] as const) {
			expect(may(who), who).toBe(false);
		}
		for (const key of [
			'final/record_entry/staff_only',
			'final/record_entry/confidential',
			'draft/record_entry/shared',
			'final/third_party'
		]) {
			expect(may('child', rowOf(ids.get(key)!)), key).toBe(false);
			expect(may('advocate', rowOf(ids.get(key)!)), key).toBe(false);
		}
	});

	it('a confidential item a manager moved out is disputed where it went: shared, not staff only', () => {
		const db = createTestDb();
		const w = makeWorld(db);
		const childId = w.child.profile.id;
		const lodge = () =>
			finalEntry(db, w.keyWorker, childId, {
				visibility: 'confidential',
				confidentialReason: 'Police request'
			});
		const toShared = lodge();
		const toStaff = lodge();
		const manager = actorFor(db, w.manager);
		const move = (id: string, visibility: 'shared' | 'staff_only') =>
			releaseConfidential(
				db,
				manager,
				id,
				{ visibility, originatorConsulted: true, originatorView: 'Agreed.' },
				null
			);
		const child = actorFor(db, w.child.account!);
		expect(() => disputableEntry(db, child, toShared.id)).toThrow(AccessDenied);
		move(toShared.id, 'shared');
		move(toStaff.id, 'staff_only');
		expect(disputableEntry(db, child, toShared.id).row.id).toBe(toShared.id);
		expect(() => disputableEntry(db, child, toStaff.id)).toThrow(AccessDenied);
	});
});

describe('disagreements: who reaches them, one by one and in lists', () => {
	const { db, w, childId, ids, readers } = world();
	// A disagreement in another child's record, that no reader of this one may reach through it.
	const theirWorker = makeUser(db, w.org.id, 'key_worker', { unitId: w.otherHome.id });
	assignTo(db, theirWorker, w.otherChild.profile.id, 'key_worker');
	const elsewhere = finalEntry(db, theirWorker, w.otherChild.profile.id);
	db.update(entry)
		.set({ kind: 'disagreement', visibility: 'record' })
		.where(eq(entry.id, elsewhere.id))
		.run();
	const rows = db
		.select()
		.from(entry)
		.where(inArray(entry.id, [...ids.values(), elsewhere.id]))
		.all();

	for (const action of ['viewRecord', 'handleDisagreements'] as const) {
		it.each(Object.keys(readers))(`%s (${action}): the scope holds what the rule allows`, (who) => {
			const actor = readers[who as keyof typeof readers];
			const relation = relationToChild(db, actor, childId, new Date())!;
			const inScope = new Set(
				db
					.select({ id: entry.id })
					.from(entry)
					.where(disagreementScope(actor, relation, action))
					.all()
					.map((r) => r.id)
			);
			for (const row of rows) {
				expect(inScope.has(row.id), `${who}: ${row.status}/${row.kind}/${row.visibility}`).toBe(
					seesDisagreement(actor, relation, row, action)
				);
			}
		});
	}

	it("the child and their advocate read the child's disagreements; only case workers and the manager answer them", () => {
		const sent = rows.find((r) => r.id === ids.get('final/disagreement/record'))!;
		const sees = (who: keyof typeof readers, action: 'viewRecord' | 'handleDisagreements') =>
			seesDisagreement(
				readers[who],
				relationToChild(db, readers[who], childId, new Date())!,
				sent,
				action
			);
		for (const who of ['child', 'advocate', 'keyWorker', 'socialWorker', 'manager'] as const) {
			expect(sees(who, 'viewRecord'), who).toBe(true);
		}
		for (const who of ['keyWorker', 'socialWorker', 'manager'] as const) {
			expect(sees(who, 'handleDisagreements'), who).toBe(true);
		}
		for (const who of ['child', 'advocate', 'admin', 'otherChild'] as const) {
			expect(sees(who, 'handleDisagreements'), who).toBe(false);
		}
		expect(sees('admin', 'viewRecord')).toBe(false);
		expect(sees('otherChild', 'viewRecord')).toBe(false);
	});
});
