import type { PageServerLoad } from './$types';
import { getDb } from '$lib/server/db';
import { timelineFor } from '$lib/server/read-model/story';
import { guard, requireChildActor } from '$lib/server/web/guards';

/** "My story": the timeline of everything I added and everything shared with me. */
export const load: PageServerLoad = ({ locals, url }) => {
	const actor = requireChildActor(locals);
	const db = getDb();
	const page = Number(url.searchParams.get('page')) || 1;
	return {
		...guard(() => timelineFor(db, actor, { page, locale: locals.locale })),
		sent: url.searchParams.has('sent')
	};
};
