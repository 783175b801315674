import type { PageServerLoad } from './$types';
import { requireChildActor } from '$lib/server/web/guards';

export const load: PageServerLoad = ({ locals }) => {
	const actor = requireChildActor(locals);
	return { name: actor.displayName, careLeaver: actor.role === 'care_leaver' };
};
