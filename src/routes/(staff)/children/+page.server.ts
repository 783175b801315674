import { error } from '@sveltejs/kit';
import type { PageServerLoad } from './$types';
import { getDb } from '$lib/server/db';
import { allows, childrenFor } from '$lib/server/access';
import { requireStaffActor } from '$lib/server/web/guards';

export const load: PageServerLoad = ({ locals }) => {
	const actor = requireStaffActor(locals);
	if (!allows(actor, 'listChildren')) error(403, 'error.status403');
	return { children: childrenFor(getDb(), actor), isManager: actor.role === 'manager' };
};
