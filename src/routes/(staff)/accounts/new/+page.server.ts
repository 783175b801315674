import { error, fail, type RequestEvent } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { getDb } from '$lib/server/db';
import { allows, rolesCreatableBy, unitsFor } from '$lib/server/access';
import { createAccount } from '$lib/server/accounts/manage';
import { AccountError } from '$lib/server/accounts/errors';
import { FormReader, usernamePattern } from '$lib/server/validation';
import { guardAsync, readForm, requireStaffActor } from '$lib/server/web/guards';

export const load: PageServerLoad = ({ locals }) => {
	const actor = requireStaffActor(locals);
	if (!allows(actor, 'createAccounts')) error(403, 'error.status403');
	return { roles: rolesCreatableBy(actor), units: unitsFor(getDb(), actor) };
};

async function create(event: RequestEvent) {
	const actor = requireStaffActor(event.locals);
	if (!allows(actor, 'createAccounts')) error(403, 'error.status403');
	const form = new FormReader(await readForm(event.request));
	const role = form.choice('role', rolesCreatableBy(actor), { required: true });
	const username = form
		.text('username', { required: true, pattern: usernamePattern })
		.toLowerCase();
	const displayName = form.text('displayName', { required: true, max: 120 });
	const postTitle = form.text('postTitle', { max: 120 }) || null;
	const legalName = form.text('legalName', { max: 200 }) || null;
	const unitId = form.text('unitId', { max: 64 }) || null;
	if (!form.ok || !role) return fail(400, { values: form.values, problems: form.problems });
	try {
		const created = await guardAsync(() =>
			createAccount(
				getDb(),
				actor,
				{ role, username, displayName, postTitle, unitId, teamId: null, legalName },
				event.locals.address
			)
		);
		return {
			created: {
				userId: created.user.id,
				username: created.user.username,
				displayName: created.user.displayName,
				temporaryPassword: created.temporaryPassword,
				childId: created.childId
			}
		};
	} catch (e) {
		if (e instanceof AccountError) {
			return fail(400, { values: form.values, problems: { [e.field ?? 'role']: e.key } });
		}
		throw e;
	}
}

export const actions: Actions = { default: create };
