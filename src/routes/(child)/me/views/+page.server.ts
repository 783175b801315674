import type { PageServerLoad } from './$types';
import { getDb } from '$lib/server/db';
import { myViews } from '$lib/server/read-model/views';
import { guard, requireChildActor } from '$lib/server/web/guards';

/** "My views": reviews and meetings coming up, and what the child said before, with answers. */
export const load: PageServerLoad = ({ locals, url }) => {
	const actor = requireChildActor(locals);
	const views = guard(() => myViews(getDb(), actor, locals.locale));
	const sent = url.searchParams.get('sent');
	return {
		...views,
		sent: url.searchParams.has('sent'),
		sentId: views.views.some((v) => v.id === sent) ? sent : null
	};
};
