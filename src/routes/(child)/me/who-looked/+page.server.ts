import type { PageServerLoad } from './$types';
import { getDb } from '$lib/server/db';
import { whoLooked } from '$lib/server/children/profile';
import { guard, requireChildActor } from '$lib/server/web/guards';

export const load: PageServerLoad = ({ locals }) => {
	const actor = requireChildActor(locals);
	return { views: guard(() => whoLooked(getDb(), actor)) };
};
