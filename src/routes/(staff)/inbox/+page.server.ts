import type { PageServerLoad } from './$types';
import { getDb } from '$lib/server/db';
import { consentRequestsFor } from '$lib/server/consent/consent';
import { inboxFor } from '$lib/server/space/inbox';
import { guard, requireStaffActor } from '$lib/server/web/guards';

/** What children added and asked: calls for help first, then what is unread. */
export const load: PageServerLoad = ({ locals }) => {
	const actor = requireStaffActor(locals);
	const db = getDb();
	return {
		items: guard(() => inboxFor(db, actor)),
		consentRequests: guard(() => consentRequestsFor(db, actor))
	};
};
