import type { PageServerLoad } from './$types';
import { getDb } from '$lib/server/db';
import { myDisagreements } from '$lib/server/disagreements/list';
import { guard, requireChildActor } from '$lib/server/web/guards';

/** "Things I said were wrong", and where each one has got to. */
export const load: PageServerLoad = ({ locals }) => {
	const actor = requireChildActor(locals);
	return { disagreements: guard(() => myDisagreements(getDb(), actor)) };
};
