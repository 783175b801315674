import type { Db } from '../db';
import * as access from '../access';
import { childRecord, type Order } from './record';
import { ownDrafts } from '../space/child-entries';
import type { EntryCard } from '../../record/card';

/**
 * The child's life story: everything they added and everything staff shared with them, earliest
 * first (or newest first, if they ask), grouped by year and by how old they were. The rows are
 * "My record"'s (childRecord).
 */
export const timelinePageSize = 25;

/** How old someone born on `birth` (YYYY-MM-DD) was at an event dated YYYY, YYYY-MM or YYYY-MM-DD. */
export function ageAt(birth: string | null, eventDate: string): number | null {
	if (!birth) return null;
	const [by, bm, bd] = birth.split('-').map(Number) as [number, number, number];
	const [ey, em = 7, ed = 1] = eventDate.split('-').map(Number) as [number, number?, number?];
	const age = ey - by - (em < bm || (em === bm && ed < bd) ? 1 : 0);
	return age >= 0 ? age : null;
}

export type TimelineGroup = { year: string; age: number | null; cards: EntryCard[] };

/**
 * Cards in a row, grouped by year as they come; a year's age is the child's at its earliest event
 * on the page, in either order.
 */
export function byYear(
	birth: string | null,
	items: { eventDate: string; card: EntryCard }[],
	order: Order = 'oldest'
): TimelineGroup[] {
	const groups: TimelineGroup[] = [];
	for (const { eventDate, card } of items) {
		const year = eventDate.slice(0, 4);
		let group = groups[groups.length - 1];
		if (!group || group.year !== year) {
			group = { year, age: ageAt(birth, eventDate), cards: [] };
			groups.push(group);
		} else if (order === 'newest') {
			group.age = ageAt(birth, eventDate);
		}
		group.cards.push(card);
	}
	return groups;
}

export function timelineFor(
	db: Db,
	actor: access.Actor,
	options: { page: number; locale: string; order?: Order; holding?: string | null },
	now = new Date()
) {
	const { entries, rows, relation, page, pages, total, order, years, holds } = childRecord(
		db,
		actor,
		{ ...options, size: timelinePageSize },
		now
	);
	// The confidential section's notes belong to "My record", not to the life story.
	const groups = byYear(
		relation.child.dateOfBirth,
		rows.flatMap((row, i) =>
			entries[i]!.view === 'full' ? [{ eventDate: row.eventDate, card: entries[i]! }] : []
		),
		order
	);
	// Stories begun and not sent yet (views have their own page).
	const drafts = ownDrafts(db, actor, relation).filter((d) => d.kind !== 'view');
	return { groups, page, pages, total, order, years, holds, drafts };
}
