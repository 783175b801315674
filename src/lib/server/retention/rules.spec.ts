import { describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { createTestDb } from '../test/db';
import { actorFor, makeWorld } from '../test/factories';
import { childProfile } from '../db/schema';
import { keptUntil, lifeOfRecord, retentionRules } from './rules';

describe('how long a record is kept', () => {
	it("keeps a child in care's record in England until their 75th birthday", () => {
		expect(keptUntil({ dateOfBirth: '2011-07-14' })).toMatchObject({
			until: '2086-07-14',
			rule: { id: 'child-in-care-england', keepUntilAge: 75 }
		});
	});

	it('counts a 29 February birthday as 1 March in a year without one', () => {
		expect(keptUntil({ dateOfBirth: '2012-02-29' }).until).toBe('2087-03-01');
	});

	it('has no date to show while the date of birth is unknown, but the rule still applies', () => {
		const kept = keptUntil({ dateOfBirth: null });
		expect(kept.until).toBeNull();
		expect(kept.rule.keepUntilAge).toBe(75);
	});

	it('is data: each rule has an id, a source and what happens then', () => {
		for (const rule of retentionRules) {
			expect(rule.id).toMatch(/^[a-z-]+$/);
			expect(rule.source.length).toBeGreaterThan(20);
			expect(rule.then).toBe('destroy');
		}
	});
});

describe("My record's life", () => {
	it("shows the person their own record's date, and nobody else's", () => {
		const db = createTestDb();
		const w = makeWorld(db);
		db.update(childProfile)
			.set({ dateOfBirth: '2010-05-01' })
			.where(eq(childProfile.id, w.child.profile.id))
			.run();
		expect(lifeOfRecord(db, actorFor(db, w.child.account!))).toEqual({
			until: '2085-05-01',
			keepUntilAge: 75
		});
		expect(() => lifeOfRecord(db, actorFor(db, w.keyWorker))).toThrow();
	});
});
