import type { PageServerLoad } from './$types';
import { getDb } from '$lib/server/db';
import { lifeOfRecord } from '$lib/server/retention/rules';
import { guard, requireChildActor } from '$lib/server/web/guards';

/** "My record's life": how long my record is kept (the date, from the retention rules), then what. */
export const load: PageServerLoad = ({ locals }) => {
	const actor = requireChildActor(locals);
	return guard(() => lifeOfRecord(getDb(), actor));
};
