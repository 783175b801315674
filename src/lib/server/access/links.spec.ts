import { describe, expect, it } from 'vitest';
import { eq, inArray } from 'drizzle-orm';
import { createTestDb } from '../test/db';
import { actorFor, assignTo, finalEntry, makeUser, makeWorld } from '../test/factories';
import { seedEveryEntry } from '../test/every-entry';
import { entry } from '../db/schema';
import { caseSystemScope, isLinkable, linkScope, linkableScope, mayLink } from './links';
import { relationToChild } from './relation';

describe('what can be linked into the case record', () => {
	const db = createTestDb();
	const w = makeWorld(db);
	const childId = w.child.profile.id;
	const ids = seedEveryEntry(db, w.keyWorker, childId);
	// The same in another organisation's record: the case system of this one never reads it.
	const theirWorker = makeUser(db, w.otherOrg.id, 'key_worker');
	assignTo(db, theirWorker, w.otherOrgChild.profile.id, 'key_worker');
	const theirs = finalEntry(db, theirWorker, w.otherOrgChild.profile.id);
	db.update(entry).set({ kind: 'view', visibility: 'record' }).where(eq(entry.id, theirs.id)).run();
	const rows = db
		.select()
		.from(entry)
		.where(inArray(entry.id, [...ids.values(), theirs.id]))
		.all();
	const ours = rows.filter((r) => r.childId === childId);
	const idsWhere = (where: ReturnType<typeof linkableScope>) =>
		new Set(
			db
				.select({ id: entry.id })
				.from(entry)
				.where(where)
				.all()
				.map((r) => r.id)
		);

	it('a disagreement, or a view, life event or memory the child put in their record: final ones', () => {
		const linkable = ours.filter(isLinkable).map((r) => `${r.kind}/${r.visibility}`);
		expect(linkable.sort()).toEqual(
			[
				'disagreement/shared',
				'disagreement/staff_only',
				'disagreement/confidential',
				'disagreement/just_me',
				'disagreement/workers',
				'disagreement/advocate',
				'disagreement/record',
				'view/record',
				'life_event/record',
				'memory/record'
			].sort()
		);
		const inScope = idsWhere(linkableScope());
		for (const row of rows) {
			expect(inScope.has(row.id), `${row.status}/${row.kind}/${row.visibility}`).toBe(
				isLinkable(row)
			);
		}
	});

	const readers = {
		child: w.child.account!,
		keyWorker: w.keyWorker,
		socialWorker: w.socialWorker,
		advocate: w.advocate,
		manager: w.manager,
		admin: w.admin,
		otherChild: w.otherChild.account!,
		otherManager: makeUser(db, w.org.id, 'manager', { unitId: w.otherHome.id })
	};

	it.each(Object.keys(readers))('%s: the scope holds what mayLink allows', (who) => {
		const actor = actorFor(db, readers[who as keyof typeof readers]);
		const relation = relationToChild(db, actor, childId, new Date())!;
		const inScope = idsWhere(linkScope(actor, relation));
		for (const row of rows) {
			expect(inScope.has(row.id), `${who}: ${row.status}/${row.kind}/${row.visibility}`).toBe(
				mayLink(actor, relation, row)
			);
		}
		const linksSome = ['keyWorker', 'socialWorker', 'manager'].includes(who);
		expect(inScope.size > 0, who).toBe(linksSome);
	});

	it("the case system reads its own organisation's linkable items, and nothing else", () => {
		const inScope = idsWhere(caseSystemScope(db, w.org.id));
		for (const row of rows) {
			expect(inScope.has(row.id), `${row.childId}: ${row.kind}/${row.visibility}`).toBe(
				row.childId === childId && isLinkable(row)
			);
		}
		expect(idsWhere(caseSystemScope(db, w.otherOrg.id))).toEqual(new Set([theirs.id]));
	});
});
