import type { PageServerLoad } from './$types';
import { getDb } from '$lib/server/db';
import { confidentialQueue } from '$lib/server/record/confidential';
import { guard, requireStaffActor } from '$lib/server/web/guards';

/** The manager's review list: what is in the confidential section of their children's records. */
export const load: PageServerLoad = ({ locals }) => {
	const actor = requireStaffActor(locals);
	return { items: guard(() => confidentialQueue(getDb(), actor, locals.address)) };
};
