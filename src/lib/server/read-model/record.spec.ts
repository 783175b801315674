import { describe, expect, it } from 'vitest';
import { and, eq, notInArray } from 'drizzle-orm';
import { createTestDb } from '../test/db';
import { actorFor, childEntryInput, finalEntry, makeWorld } from '../test/factories';
import { childProfile, entry } from '../db/schema';
import * as access from '../access';
import { createChildDraft, sendChildEntry } from '../space/child-entries';
import {
	attachedKinds,
	childRecord,
	firstOfEachYear,
	orderFrom,
	pageHolding,
	pageOf,
	yearsOf,
	type Order
} from './record';
import { byYear, timelineFor } from './story';
import type { FullCard } from '../../record/card';

/** A child with things in 2013 to 2020, some on the same day, and one item only staff see. */
function setup() {
	const db = createTestDb();
	const w = makeWorld(db);
	const childId = w.child.profile.id;
	db.update(childProfile)
		.set({ dateOfBirth: '2010-05-20' })
		.where(eq(childProfile.id, childId))
		.run();
	const child = actorFor(db, w.child.account!);
	const sent: string[] = [];
	const years = ['2013', '2014', '2014', '2016', '2016', '2016', '2018', '2019', '2020', '2020'];
	years.forEach((year, i) => {
		const draft = createChildDraft(
			db,
			child,
			childEntryInput({ title: `Mine ${i}`, eventDate: year })
		);
		sent.push(sendChildEntry(db, child, draft.id, null).id);
	});
	finalEntry(db, w.keyWorker, childId, { title: 'Shared 2015', eventDate: '2015-03-02' });
	const hidden = finalEntry(db, w.keyWorker, childId, {
		title: 'Staff only',
		eventDate: '2017-01-01',
		visibility: 'staff_only'
	});
	const secret = finalEntry(db, w.keyWorker, childId, {
		title: 'Lodged',
		eventDate: '2012-06-01',
		visibility: 'confidential',
		confidentialReason: 'Risk'
	});
	const relation = access.requireChild(db, child, 'viewRecord', childId);
	const where = and(
		access.entryScope(child, relation),
		eq(entry.status, 'final'),
		notInArray(entry.kind, [...attachedKinds])
	);
	return { db, w, child, childId, sent, hidden, secret, where, relation };
}

describe('finding the page that holds an entry', () => {
	it.each(['oldest', 'newest'] as Order[])(
		'agrees with the pages themselves, %s first, for every entry the child may read',
		(order) => {
			const { db, where, child, relation } = setup();
			for (const size of [1, 3, 4, 20]) {
				const { pages } = pageOf(db, child, relation, { withoutAttached: true }, 1, size, {
					order
				});
				for (let page = 1; page <= pages; page++) {
					for (const row of pageOf(db, child, relation, { withoutAttached: true }, page, size, {
						order
					}).rows) {
						expect(pageHolding(db, where, row.id, size, order), `${row.title} ${size}`).toBe(page);
					}
				}
			}
		}
	);

	it('is null for what the reader may not see, or what is not there', () => {
		const { db, where, hidden, w } = setup();
		expect(pageHolding(db, where, hidden.id, 3)).toBeNull();
		const other = actorFor(db, w.careLeaver.account!);
		const theirs = sendChildEntry(
			db,
			other,
			createChildDraft(db, other, childEntryInput()).id,
			null
		);
		expect(pageHolding(db, where, theirs.id, 3)).toBeNull();
		expect(pageHolding(db, where, 'nothing-here', 3)).toBeNull();
	});

	it('opens "My record" and "My story" on the page of what the child just sent', () => {
		const { db, child, sent } = setup();
		const last = sent[sent.length - 1]!;
		const opened = childRecord(db, child, { page: 1, locale: 'en-GB', size: 4, holding: last });
		expect(opened.holds).toBe(true);
		expect(opened.page).toBe(opened.pages);
		expect(opened.entries.map((c) => c.id)).toContain(last);
		const story = timelineFor(db, child, { page: 1, locale: 'en-GB', holding: sent[0] });
		expect(story.holds).toBe(true);
		// Not theirs to see: the page asked for, and no claim to hold it.
		const other = childRecord(db, child, { page: 2, locale: 'en-GB', size: 4, holding: 'x' });
		expect([other.page, other.holds]).toEqual([2, false]);
	});
});

describe('the years of a record', () => {
	it.each(['oldest', 'newest'] as Order[])(
		'each starts on the page listed, %s first, and their counts are the record',
		(order) => {
			const { db, where, child, relation } = setup();
			for (const size of [1, 3, 4, 20]) {
				const { years, total } = yearsOf(db, where, size, order);
				expect(total).toBe(pageOf(db, child, relation, { withoutAttached: true }, 1, size).total);
				for (const { year, page } of years) {
					const rows = pageOf(db, child, relation, { withoutAttached: true }, page, size, {
						order
					}).rows;
					const before =
						page > 1
							? pageOf(db, child, relation, { withoutAttached: true }, page - 1, size, { order })
									.rows
							: [];
					expect(
						rows.map((r) => r.eventDate.slice(0, 4)),
						year
					).toContain(year);
					// No row of that year on the page before: this is where the year starts.
					expect(before.every((r) => r.eventDate.slice(0, 4) !== year)).toBe(true);
				}
			}
		}
	);

	it('lists only years the child can read something in, in the order asked', () => {
		const { db, where, child, relation } = setup();
		const oldest = yearsOf(db, where, 4).years.map((y) => y.year);
		// 2012 holds only the confidential note (lodged, not when it happened); 2017 only staff's.
		expect(oldest).toEqual(['2013', '2014', '2015', '2016', '2018', '2019', '2020']);
		expect(yearsOf(db, where, 4, 'newest').years.map((y) => y.year)).toEqual([...oldest].reverse());
		// The note still counts, so the pages are right: 2013 starts on page 1 after it.
		expect(yearsOf(db, where, 1).years[0]).toEqual({ year: '2013', page: 2 });
	});

	it('marks the first readable entry of each year on a page, never a note', () => {
		const { db, child, secret } = setup();
		const { rows, entries } = childRecord(db, child, { page: 1, locale: 'en-GB', size: 5 });
		const firsts = firstOfEachYear(rows, entries);
		expect(firsts.has(secret.id)).toBe(false);
		expect([...firsts.values()]).toEqual(['2013', '2014', '2015']);
	});
});

describe('reading newest first', () => {
	it('turns the order round, and a year keeps the age of its earliest event', () => {
		const { db, child } = setup();
		const oldest = timelineFor(db, child, { page: 1, locale: 'en-GB' });
		const newest = timelineFor(db, child, { page: 1, locale: 'en-GB', order: 'newest' });
		const titles = (t: typeof oldest) =>
			t.groups.flatMap((g) => g.cards.map((c) => (c as FullCard).title));
		expect(titles(newest)).toEqual([...titles(oldest)].reverse());
		expect(newest.groups.map((g) => [g.year, g.age])).toEqual(
			[...oldest.groups].reverse().map((g) => [g.year, g.age])
		);
		const card = oldest.groups[0]!.cards[0]!;
		expect(
			byYear(
				'2010-05-20',
				[
					{ eventDate: '2016-12-01', card },
					{ eventDate: '2016-02-01', card }
				],
				'newest'
			)[0]!.age
		).toBe(5);
	});

	it('is what the address asks for, earliest first otherwise', () => {
		expect(['newest', 'oldest', null, 'desc'].map(orderFrom)).toEqual([
			'newest',
			'oldest',
			'oldest',
			'oldest'
		]);
	});
});
