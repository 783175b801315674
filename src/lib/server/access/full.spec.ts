import { describe, expect, it } from 'vitest';
import { eq, inArray } from 'drizzle-orm';
import { createTestDb } from '../test/db';
import { actorFor, makeWorld } from '../test/factories';
import { seedEveryEntry } from '../test/every-entry';
import { entry } from '../db/schema';
import { entryView } from './entries';
import { fullViewScope } from './full';
import { relationToChild } from './relation';

describe('what a reader sees in full', () => {
	const db = createTestDb();
	const w = makeWorld(db);
	const childId = w.child.profile.id;
	const ids = seedEveryEntry(db, w.keyWorker, childId);
	const rows = db
		.select()
		.from(entry)
		.where(inArray(entry.id, [...ids.values()]))
		.all();
	const inAnHour = new Date(Date.now() + 60 * 60 * 1000);
	const sealedChild = {
		...actorFor(db, w.child.account!),
		privateSeal: { since: inAnHour, until: new Date(inAnHour.getTime() + 1000) }
	};
	const readers = {
		child: actorFor(db, w.child.account!),
		sealedChild,
		keyWorker: actorFor(db, w.keyWorker),
		socialWorker: actorFor(db, w.socialWorker),
		advocate: actorFor(db, w.advocate),
		manager: actorFor(db, w.manager),
		admin: actorFor(db, w.admin),
		otherChild: actorFor(db, w.otherChild.account!)
	};

	it.each(Object.keys(readers))(
		'%s: the scope holds exactly the entries entryView shows in full',
		(who) => {
			const actor = readers[who as keyof typeof readers];
			const relation = relationToChild(db, actor, childId, new Date())!;
			const inScope = new Set(
				db
					.select({ id: entry.id })
					.from(entry)
					.where(fullViewScope(actor, relation))
					.all()
					.map((r) => r.id)
			);
			for (const row of rows) {
				expect(inScope.has(row.id), `${who}: ${row.status}/${row.kind}/${row.visibility}`).toBe(
					entryView(actor, relation, row) === 'full'
				);
			}
		}
	);

	it('leaves out the neutral note a child sees for a confidential item', () => {
		const actor = readers.child;
		const relation = relationToChild(db, actor, childId, new Date())!;
		const id = ids.get('final/record_entry/confidential')!;
		const row = db.select().from(entry).where(eq(entry.id, id)).get()!;
		expect(entryView(actor, relation, row)).toBe('neutral');
		expect(
			db
				.select({ id: entry.id })
				.from(entry)
				.where(fullViewScope(actor, relation))
				.all()
				.map((r) => r.id)
		).not.toContain(id);
	});
});
