import type { PageServerLoad } from './$types';
import { getDb } from '$lib/server/db';
import { openRecord } from '$lib/server/children/profile';
import { ownIdentityOf } from '$lib/server/children/identity';
import { consentOf } from '$lib/server/consent/consent';
import { guard, requireStaffActor } from '$lib/server/web/guards';
import { permissionsFor } from '$lib/server/web/permissions';

/**
 * A child's record, as staff see it. Every open is in the access log, for the child to see. Those
 * who may share see the child's answers about sharing here first, and how the child describes
 * themself, in their own words.
 */
export const load: PageServerLoad = (event) => {
	const actor = requireStaffActor(event.locals);
	const permissions = permissionsFor(event, actor, event.params.childId);
	const db = getDb();
	const record = guard(() => openRecord(db, permissions, event.locals.address));
	return {
		...record,
		consent: permissions.can.viewConsent ? consentOf(db, permissions) : null,
		identity: permissions.can.viewProfile ? ownIdentityOf(permissions.relation.child) : null
	};
};
