import type { Db } from '../db';
import * as access from '../access';
import { childRecord } from './record';
import { ownDrafts } from '../space/child-entries';
import type { EntryCard } from '../../record/card';

/**
 * The child's life story: everything they added and everything staff shared with them, earliest
 * first, grouped by year and by how old they were. The rows are "My record"'s (childRecord).
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

export function timelineFor(
	db: Db,
	actor: access.Actor,
	options: { page: number; locale: string },
	now = new Date()
) {
	const { entries, rows, relation, page, pages, total } = childRecord(
		db,
		actor,
		{ ...options, size: timelinePageSize },
		now
	);
	const groups: TimelineGroup[] = [];
	rows.forEach((row, i) => {
		// The confidential section's notes belong to "My record", not to the life story.
		if (entries[i]!.view !== 'full') return;
		const year = row.eventDate.slice(0, 4);
		let group = groups[groups.length - 1];
		if (!group || group.year !== year) {
			group = { year, age: ageAt(relation.child.dateOfBirth, row.eventDate), cards: [] };
			groups.push(group);
		}
		group.cards.push(entries[i]!);
	});
	// Stories begun and not sent yet (views have their own page).
	const drafts = ownDrafts(db, actor, relation).filter((d) => d.kind !== 'view');
	return { groups, page, pages, total, drafts };
}
