import type { PageServerLoad } from './$types';
import { getDb } from '$lib/server/db';
import { openRecord } from '$lib/server/children/profile';
import { guard, requireStaffActor } from '$lib/server/web/guards';
import { permissionsFor } from '$lib/server/web/permissions';

/** A child's record, as staff see it. Every open is in the access log, for the child to see. */
export const load: PageServerLoad = (event) => {
	const actor = requireStaffActor(event.locals);
	const permissions = permissionsFor(event, actor, event.params.childId);
	return guard(() => openRecord(getDb(), permissions, event.locals.address));
};
