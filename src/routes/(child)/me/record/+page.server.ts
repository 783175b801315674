import type { PageServerLoad } from './$types';
import { getDb } from '$lib/server/db';
import { childRecord, firstOfEachYear, orderFrom } from '$lib/server/read-model/record';
import { guard, requireChildActor } from '$lib/server/web/guards';

/** "My record": what staff shared, earliest first (or newest), in the child's language where there is one. */
export const load: PageServerLoad = ({ locals, url }) => {
	const actor = requireChildActor(locals);
	const asked = Number(url.searchParams.get('page')) || 1;
	const order = orderFrom(url.searchParams.get('order'));
	const { entries, rows, page, pages, total, years } = guard(() =>
		childRecord(getDb(), actor, { page: asked, locale: locals.locale, order })
	);
	const starts = firstOfEachYear(rows, entries);
	return {
		entries: entries.map((card) => ({ card, startsYear: starts.get(card.id) ?? null })),
		page,
		pages,
		total,
		order,
		years
	};
};
