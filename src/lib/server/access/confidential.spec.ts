import { describe, expect, it } from 'vitest';
import { and, eq, inArray } from 'drizzle-orm';
import { createTestDb } from '../test/db';
import { actorFor, assignTo, finalEntry, makeUser, makeWorld } from '../test/factories';
import { seedEveryEntry } from '../test/every-entry';
import { entry, visibilities, type User } from '../db/schema';
import {
	confidentialReviewScope,
	inConfidentialReview,
	visibilityNow,
	visibilityNowScope
} from './confidential';
import { relationToChild } from './relation';
import { releaseConfidential, releasesOf } from '../record/confidential';

describe("the manager's confidential review", () => {
	const db = createTestDb();
	const w = makeWorld(db);
	const ids = [...seedEveryEntry(db, w.keyWorker, w.child.profile.id).values()];
	const lodge = (author: User, childId: string) =>
		finalEntry(db, author, childId, {
			visibility: 'confidential',
			confidentialReason: 'Police request'
		}).id;
	// The care leaver's team, the other home's child, and an item already moved out.
	assignTo(db, w.socialWorker, w.careLeaver.profile.id, 'social_worker');
	ids.push(lodge(w.socialWorker, w.careLeaver.profile.id));
	const elsewhere = makeUser(db, w.org.id, 'key_worker', { unitId: w.otherHome.id });
	assignTo(db, elsewhere, w.otherChild.profile.id, 'key_worker');
	ids.push(lodge(elsewhere, w.otherChild.profile.id));
	const movedOut = lodge(w.keyWorker, w.child.profile.id);
	const release = releaseConfidential(
		db,
		actorFor(db, w.manager),
		movedOut,
		{ visibility: 'staff_only', originatorConsulted: true, originatorView: 'Agreed.' },
		null
	);
	ids.push(movedOut, release.id);
	const rows = db.select().from(entry).where(inArray(entry.id, ids)).all();
	const released = new Set(
		db
			.select({ id: entry.supersedesId })
			.from(entry)
			.where(and(eq(entry.kind, 'confidential_release'), eq(entry.status, 'final')))
			.all()
			.map((r) => r.id)
	);

	const readers = {
		manager: w.manager,
		teamManager: makeUser(db, w.org.id, 'manager', { unitId: w.team.id }),
		otherHomeManager: makeUser(db, w.org.id, 'manager', { unitId: w.otherHome.id }),
		newManager: makeUser(db, w.org.id, 'manager', { unitId: w.home.id, createdBy: w.admin.id }),
		managerWithoutUnit: makeUser(db, w.org.id, 'manager'),
		otherOrgManager: makeUser(db, w.otherOrg.id, 'manager', { unitId: w.home.id }),
		keyWorker: w.keyWorker,
		admin: w.admin,
		child: w.child.account!
	};

	function reviewed(who: keyof typeof readers) {
		const actor = actorFor(db, readers[who]);
		const now = new Date();
		const inScope = new Set(
			db
				.select({ id: entry.id })
				.from(entry)
				.where(confidentialReviewScope(db, actor, now))
				.all()
				.map((r) => r.id)
		);
		const relations = new Map(
			[...new Set(rows.map((r) => r.childId))].map((id) => [
				id,
				relationToChild(db, actor, id, now)!
			])
		);
		for (const row of rows) {
			const relation = relations.get(row.childId)!;
			expect(inScope.has(row.id), `${who}: ${row.status}/${row.kind}/${row.visibility}`).toBe(
				inConfidentialReview(actor, relation, row, released.has(row.id))
			);
		}
		return rows.filter((r) => inScope.has(r.id));
	}

	it.each(visibilities)('%s now: the scope holds what visibilityNow says', (v) => {
		const moved = releasesOf(db, ids);
		const now = new Set(
			db
				.select({ id: entry.id })
				.from(entry)
				.where(and(inArray(entry.id, ids), visibilityNowScope(db, v)))
				.all()
				.map((r) => r.id)
		);
		for (const row of rows) {
			const to = moved.get(row.id)?.visibility ?? null;
			expect(now.has(row.id), `${row.kind}/${row.visibility}→${to}`).toBe(
				visibilityNow(row, to) === v
			);
		}
		// The item moved out is staff only now, and no longer in the confidential section.
		expect(now.has(movedOut)).toBe(v === 'staff_only');
	});

	it.each(Object.keys(readers))('%s: the scope holds what the rule allows', (who) => {
		reviewed(who as keyof typeof readers);
	});

	it("holds the final items still lodged, of the manager's own home's or team's children only", () => {
		const mine = reviewed('manager');
		expect(mine.length).toBeGreaterThan(0);
		for (const row of mine) {
			expect(row).toMatchObject({
				childId: w.child.profile.id,
				status: 'final',
				visibility: 'confidential'
			});
		}
		expect(mine.map((r) => r.id)).not.toContain(movedOut);
		expect(reviewed('teamManager').map((r) => r.childId)).toEqual(
			expect.arrayContaining([w.child.profile.id, w.careLeaver.profile.id])
		);
		expect(reviewed('otherHomeManager').map((r) => r.childId)).toEqual([w.otherChild.profile.id]);
		for (const who of [
			'newManager',
			'managerWithoutUnit',
			'otherOrgManager',
			'keyWorker',
			'admin',
			'child'
		] as const) {
			expect(reviewed(who), who).toEqual([]);
		}
	});
});
