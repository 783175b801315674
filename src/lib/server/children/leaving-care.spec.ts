import { describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { createTestDb } from '../test/db';
import { actorFor, assignTo, finalEntry, makeWorld } from '../test/factories';
import { accessLog, assignment, childProfile, entry, user } from '../db/schema';
import { AccessDenied } from '../access';
import { AccountError } from '../accounts/errors';
import { moveToCareLeaver } from './leaving-care';

function setUp() {
	const db = createTestDb();
	const w = makeWorld(db);
	const shared = finalEntry(db, w.keyWorker, w.child.profile.id);
	return { db, w, shared };
}

describe('moving a child on to a care leaver', () => {
	it('changes the role and keeps the day; the record, workers and sign-in stay', () => {
		const { db, w, shared } = setUp();
		const before = db.select().from(user).where(eq(user.id, w.child.account!.id)).get()!;
		const now = new Date('2026-11-20T12:00:00Z');
		moveToCareLeaver(db, actorFor(db, w.socialWorker), w.child.profile.id, '2026-11-19', null, now);
		const after = db.select().from(user).where(eq(user.id, w.child.account!.id)).get()!;
		expect(after.role).toBe('care_leaver');
		expect({ ...after, role: before.role, updatedAt: before.updatedAt }).toEqual(before);
		const profile = db
			.select()
			.from(childProfile)
			.where(eq(childProfile.id, w.child.profile.id))
			.get()!;
		expect(profile.leftCareOn).toBe('2026-11-19');
		expect(db.select().from(entry).where(eq(entry.id, shared.id)).get()!.hash).toBe(shared.hash);
		const workers = db
			.select()
			.from(assignment)
			.where(eq(assignment.childId, w.child.profile.id))
			.all();
		expect(workers.length).toBe(3);
		const logged = db
			.select()
			.from(accessLog)
			.where(eq(accessLog.childId, w.child.profile.id))
			.all();
		expect(logged.map((l) => l.action)).toContain('moved-to-care-leaver');
	});

	it('refuses a day in the future, a day that does not exist, and a second move', () => {
		const { db, w } = setUp();
		const sw = actorFor(db, w.socialWorker);
		const now = new Date('2026-11-20T12:00:00Z');
		const move = (day: string) => () =>
			moveToCareLeaver(db, sw, w.child.profile.id, day, null, now);
		expect(move('2026-11-21')).toThrow(AccountError);
		expect(move('2026-02-30')).toThrow(AccountError);
		move('2026-11-20')();
		expect(move('2026-11-20')).toThrow(AccountError);
	});

	it('refuses whoever may not: a key worker, an advocate, not their social worker', () => {
		const { db, w } = setUp();
		const otherChildsWorker = w.socialWorker;
		assignTo(db, otherChildsWorker, w.otherChild.profile.id, 'social_worker');
		expect(() =>
			moveToCareLeaver(
				db,
				actorFor(db, w.socialWorker),
				w.careLeaver.profile.id,
				'2026-01-01',
				null
			)
		).toThrow(AccessDenied);
		for (const who of [w.keyWorker, w.advocate, w.admin]) {
			expect(() =>
				moveToCareLeaver(db, actorFor(db, who), w.child.profile.id, '2026-01-01', null)
			).toThrow(AccessDenied);
		}
		expect(() =>
			moveToCareLeaver(db, actorFor(db, w.personalAdviser), w.child.profile.id, '2026-01-01', null)
		).toThrow(AccessDenied);
		expect(db.select().from(user).where(eq(user.id, w.child.account!.id)).get()!.role).toBe(
			'child'
		);
	});
});
