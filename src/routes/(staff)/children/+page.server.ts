import { error } from '@sveltejs/kit';
import type { PageServerLoad } from './$types';
import { getDb } from '$lib/server/db';
import { allows, childrenFor, childrenToAssign } from '$lib/server/access';
import { requireStaffActor } from '$lib/server/web/guards';

export const load: PageServerLoad = ({ locals }) => {
	const actor = requireStaffActor(locals);
	if (!allows(actor, 'listChildren')) error(403, 'error.status403');
	const db = getDb();
	return {
		children: childrenFor(db, actor),
		// A new manager: children they may assign workers to, before they may read about them.
		toAssign: childrenToAssign(db, actor),
		isManager: allows(actor, 'listChildrenByUnit')
	};
};
