import { error, type RequestEvent } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { getDb } from '$lib/server/db';
import { allows, rolesCreatableBy, unitsFor } from '$lib/server/access';
import { createAccount } from '$lib/server/accounts/manage';
import { readAccountForm } from '$lib/server/accounts/form';
import { answer, refused } from '$lib/server/web/actions/answer';
import { FormReader } from '$lib/server/validation';
import { readForm, requireStaffActor } from '$lib/server/web/guards';

export const load: PageServerLoad = ({ locals }) => {
	const actor = requireStaffActor(locals);
	if (!allows(actor, 'createAccounts')) error(403, 'error.status403');
	return { roles: rolesCreatableBy(actor), units: unitsFor(getDb(), actor) };
};

async function create(event: RequestEvent) {
	const actor = requireStaffActor(event.locals);
	if (!allows(actor, 'createAccounts')) error(403, 'error.status403');
	const form = new FormReader(await readForm(event.request));
	const input = readAccountForm(form, actor);
	if (!input) return refused(form, form.problems);
	return answer(
		form,
		async () => {
			const made = await createAccount(getDb(), actor, input, event.locals.address);
			return {
				created: {
					userId: made.user.id,
					username: made.user.username,
					displayName: made.user.displayName,
					temporaryPassword: made.temporaryPassword,
					childId: made.childId
				}
			};
		},
		{ field: 'role' }
	);
}

export const actions: Actions = { default: create };
