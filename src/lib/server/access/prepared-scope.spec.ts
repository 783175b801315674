import { describe, expect, it } from 'vitest';
import { and, eq, inArray } from 'drizzle-orm';
import { createTestDb } from '../test/db';
import { actorFor, makeWorld } from '../test/factories';
import { seedEveryEntry } from '../test/every-entry';
import { idsInPreparedScopes } from '../test/scopes';
import { childProfile, entry } from '../db/schema';
import { entryScope } from './entries';
import { relationToChild } from './relation';

// Lists prepare their scope once for each kind of reader (finalEntryScope, ownDraftScope): on every
// kind, visibility and status, they hold exactly what entryScope holds for final entries and drafts.
describe('the prepared scopes of lists', () => {
	const db = createTestDb();
	const w = makeWorld(db);
	const childId = w.child.profile.id;
	const ids = seedEveryEntry(db, w.keyWorker, childId);
	const inAnHour = new Date(Date.now() + 60 * 60 * 1000);
	const sealed = (a: ReturnType<typeof actorFor>) => ({
		...a,
		privateSeal: { since: inAnHour, until: new Date(inAnHour.getTime() + 1000) }
	});
	const readers = {
		child: actorFor(db, w.child.account!),
		sealedChild: sealed(actorFor(db, w.child.account!)),
		keyWorker: actorFor(db, w.keyWorker),
		sealedKeyWorker: sealed(actorFor(db, w.keyWorker)),
		socialWorker: actorFor(db, w.socialWorker),
		advocate: actorFor(db, w.advocate),
		manager: actorFor(db, w.manager),
		admin: actorFor(db, w.admin),
		otherChild: actorFor(db, w.otherChild.account!)
	};

	it.each([...Object.keys(readers), 'advocateWithheld'])(
		'%s: the same entries as entryScope',
		(who) => {
			// The advocate again, after the child stopped them reading her record.
			const withheld = who === 'advocateWithheld';
			db.update(childProfile)
				.set({ advocateSeesRecord: !withheld })
				.where(eq(childProfile.id, childId))
				.run();
			const actor = readers[(withheld ? 'advocate' : who) as keyof typeof readers];
			const relation = relationToChild(db, actor, childId, new Date())!;
			const scoped = (status: 'final' | 'draft') =>
				db
					.select({ id: entry.id })
					.from(entry)
					.where(
						and(
							entryScope(actor, relation),
							eq(entry.status, status),
							inArray(entry.id, [...ids.values()])
						)
					)
					.all()
					.map((r) => r.id)
					.sort();
			const prepared = idsInPreparedScopes(db, actor, relation);
			const mine = (set: Set<string>) =>
				[...set].filter((id) => [...ids.values()].includes(id)).sort();
			expect(mine(prepared.finals)).toEqual(scoped('final'));
			expect(mine(prepared.ownDrafts)).toEqual(scoped('draft'));
		}
	);
});
