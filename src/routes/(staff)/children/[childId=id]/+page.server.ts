import type { PageServerLoad } from './$types';
import { getDb } from '$lib/server/db';
import { openRecord } from '$lib/server/children/profile';
import { guard, requireStaffActor } from '$lib/server/web/guards';

/** A child's record, as staff see it. Every open is in the access log, for the child to see. */
export const load: PageServerLoad = ({ locals, params }) => {
	const actor = requireStaffActor(locals);
	return guard(() => openRecord(getDb(), actor, params.childId, locals.address));
};
