import { describe, expect, it } from 'vitest';
import { createTestDb } from '../test/db';
import { actorFor, finalEntry, makeWorld } from '../test/factories';
import { AccessDenied } from '../access';
import { calmModeOf, isCalm, readingPlaceOf, setCalmMode } from './calm';
import { breakFor, chapterOf, chaptersOf } from '../read-model/chapters';

function setUp() {
	const db = createTestDb();
	const w = makeWorld(db);
	const leaver = actorFor(db, w.careLeaver.account!);
	const child = actorFor(db, w.child.account!);
	return { db, w, leaver, child };
}

describe('calm mode', () => {
	it("is a care leaver's default and not a child's; each can change their own", () => {
		expect(calmModeOf({ role: 'care_leaver', calmMode: null })).toBe(true);
		expect(calmModeOf({ role: 'child', calmMode: null })).toBe(false);
		expect(calmModeOf({ role: 'care_leaver', calmMode: false })).toBe(false);
		expect(calmModeOf({ role: 'child', calmMode: true })).toBe(true);
		const { db, leaver, child } = setUp();
		expect(isCalm(db, leaver)).toBe(true);
		expect(isCalm(db, child)).toBe(false);
		setCalmMode(db, leaver, false);
		setCalmMode(db, child, true);
		expect(isCalm(db, leaver)).toBe(false);
		expect(isCalm(db, child)).toBe(true);
	});

	it('is nobody else’s to read or change', () => {
		const { db, w } = setUp();
		expect(() => setCalmMode(db, actorFor(db, w.keyWorker), true)).toThrow(AccessDenied);
		expect(() => isCalm(db, actorFor(db, w.personalAdviser))).toThrow(AccessDenied);
	});
});

describe('the record by chapters', () => {
	it('has a chapter for each year with something shared, and keeps where they stopped', () => {
		const { db, w, leaver } = setUp();
		for (const eventDate of ['2014-05-01', '2014-09-01', '2019-03-02'])
			finalEntry(db, w.personalAdviser, w.careLeaver.profile.id, { eventDate });
		finalEntry(db, w.personalAdviser, w.careLeaver.profile.id, {
			eventDate: '2016-01-01',
			visibility: 'staff_only'
		});
		const list = chaptersOf(db, leaver);
		expect(list.chapters.map((c) => c.year)).toEqual(['2014', '2019']);
		expect(list.stoppedAt).toBeNull();
		const first = chapterOf(db, leaver, '2014', 'en-GB');
		expect(first.entries).toHaveLength(2);
		expect(first).toMatchObject({ previous: null, next: '2019' });
		expect(readingPlaceOf(db, leaver)).toBe('2014');
		chapterOf(db, leaver, '2019', 'en-GB');
		expect(chaptersOf(db, leaver).stoppedAt).toBe('2019');
		// A year with nothing they may read is no chapter of theirs.
		expect(() => chapterOf(db, leaver, '2016', 'en-GB')).toThrow(AccessDenied);
	});

	it('keeps each person’s place apart', () => {
		const { db, w, leaver, child } = setUp();
		finalEntry(db, w.personalAdviser, w.careLeaver.profile.id, { eventDate: '2014-05-01' });
		finalEntry(db, w.keyWorker, w.child.profile.id, { eventDate: '2020-05-01' });
		chapterOf(db, leaver, '2014', 'en-GB');
		expect(readingPlaceOf(db, child)).toBeNull();
		expect(() => chapterOf(db, child, '2014', 'en-GB')).toThrow(AccessDenied);
	});
});

describe('take a break', () => {
	it('names their personal adviser first, and the helplines for their age', () => {
		const { db, leaver, child } = setUp();
		const now = new Date('2026-06-01T12:00:00Z');
		const pause = breakFor(db, leaver, now);
		expect(pause.workers.map((p) => p.relationship)).toEqual(['personal_adviser']);
		expect(pause.calm).toBe(true);
		// No date of birth: every line is offered.
		expect(pause).toMatchObject({ childline: true, samaritans: true });
		expect(breakFor(db, child, now).workers[0]?.relationship).not.toBe('personal_adviser');
	});
});
