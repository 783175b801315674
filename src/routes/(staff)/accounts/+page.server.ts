import { error } from '@sveltejs/kit';
import type { PageServerLoad } from './$types';
import { getDb } from '$lib/server/db';
import { accountsFor, allows } from '$lib/server/access';
import { requireStaffActor } from '$lib/server/web/guards';

export const load: PageServerLoad = ({ locals }) => {
	const actor = requireStaffActor(locals);
	if (!allows(actor, 'listAccounts')) error(403, 'error.status403');
	return { accounts: accountsFor(getDb(), actor) };
};
