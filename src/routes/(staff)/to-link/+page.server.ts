import type { PageServerLoad } from './$types';
import { getDb } from '$lib/server/db';
import { toBeLinked } from '$lib/server/disagreements/list';
import { requireGeneral } from '$lib/server/access';
import { guard, requireStaffActor } from '$lib/server/web/guards';

/** What still has to be put in the formal case record. */
export const load: PageServerLoad = ({ locals }) => {
	const actor = guard(() => requireGeneral(requireStaffActor(locals), 'viewDisagreements'));
	return { items: toBeLinked(getDb(), actor) };
};
