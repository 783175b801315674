import type { PageServerLoad } from './$types';
import { getDb } from '$lib/server/db';
import { childRecord } from '$lib/server/record/read';
import { guard, requireChildActor } from '$lib/server/web/guards';

/** "My record": what staff shared, earliest first, in the child's language where there is one. */
export const load: PageServerLoad = ({ locals, url }) => {
	const actor = requireChildActor(locals);
	const page = Number(url.searchParams.get('page')) || 1;
	return guard(() => childRecord(getDb(), actor, { page, locale: locals.locale }));
};
