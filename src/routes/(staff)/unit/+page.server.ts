import { error } from '@sveltejs/kit';
import type { PageServerLoad } from './$types';
import { getDb } from '$lib/server/db';
import { accountsFor, allows, childrenFor, childrenToAssign, unitsFor } from '$lib/server/access';
import { isChildRole } from '$lib/server/access/roles';
import { requireStaffActor } from '$lib/server/web/guards';

/** The manager's home or team: its children and its staff. */
export const load: PageServerLoad = ({ locals }) => {
	const actor = requireStaffActor(locals);
	if (!allows(actor, 'viewUnit')) error(403, 'error.status403');
	const db = getDb();
	return {
		unit: unitsFor(db, actor)[0]!,
		children: childrenFor(db, actor),
		toAssign: childrenToAssign(db, actor),
		staff: accountsFor(db, actor).filter((a) => !isChildRole(a.role))
	};
};
