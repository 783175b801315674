import type { PageServerLoad } from './$types';
import { getDb } from '$lib/server/db';
import { orderFrom } from '$lib/server/read-model/record';
import { timelineFor } from '$lib/server/read-model/story';
import { guard, requireChildActor } from '$lib/server/web/guards';

/**
 * "My story": the timeline of everything I added and everything shared with me. After sending,
 * `?sent=<id>` opens the page that holds what was just added.
 */
export const load: PageServerLoad = ({ locals, url }) => {
	const actor = requireChildActor(locals);
	const db = getDb();
	const page = Number(url.searchParams.get('page')) || 1;
	const order = orderFrom(url.searchParams.get('order'));
	const sent = url.searchParams.get('sent');
	const story = guard(() =>
		timelineFor(db, actor, { page, locale: locals.locale, order, holding: sent })
	);
	return { ...story, sent: url.searchParams.has('sent'), sentId: story.holds ? sent : null };
};
