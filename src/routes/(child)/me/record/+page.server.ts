import type { PageServerLoad } from './$types';
import { getDb } from '$lib/server/db';
import { childRecord } from '$lib/server/read-model/record';
import { guard, requireChildActor } from '$lib/server/web/guards';

/** "My record": what staff shared, earliest first, in the child's language where there is one. */
export const load: PageServerLoad = ({ locals, url }) => {
	const actor = requireChildActor(locals);
	const asked = Number(url.searchParams.get('page')) || 1;
	const { entries, page, pages, total } = guard(() =>
		childRecord(getDb(), actor, { page: asked, locale: locals.locale })
	);
	return { entries, page, pages, total };
};
