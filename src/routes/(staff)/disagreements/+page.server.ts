import type { PageServerLoad } from './$types';
import { getDb } from '$lib/server/db';
import { disagreementsFor } from '$lib/server/disagreements/list';
import { requireGeneral } from '$lib/server/access';
import { guard, requireStaffActor } from '$lib/server/web/guards';

/** Disagreements for the children this person answers for: overdue first. */
export const load: PageServerLoad = ({ locals }) => {
	const actor = guard(() => requireGeneral(requireStaffActor(locals), 'viewDisagreements'));
	return { disagreements: disagreementsFor(getDb(), actor) };
};
