import type { PageServerLoad } from './$types';
import { getDb } from '$lib/server/db';
import { chapterOf, chaptersOf } from '$lib/server/read-model/chapters';
import { guard, requireChildActor } from '$lib/server/web/guards';

/**
 * My record by chapters, one a year: the list (with where they stopped), or one chapter, which
 * becomes where they stopped.
 */
export const load: PageServerLoad = ({ locals, url }) => {
	const actor = requireChildActor(locals);
	const db = getDb();
	const year = url.searchParams.get('year');
	if (year && /^\d{4}$/.test(year)) {
		return { chapter: guard(() => chapterOf(db, actor, year, locals.locale)), list: null };
	}
	return { chapter: null, list: guard(() => chaptersOf(db, actor)) };
};
