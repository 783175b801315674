import { fail, type RequestEvent } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { getDb } from '$lib/server/db';
import { requireChild } from '$lib/server/access';
import { historyFor } from '$lib/server/children/history';
import { readProfile, updateProfile } from '$lib/server/children/profile';
import { profileFields, readProfileForm } from '$lib/server/children/profile-form';
import { FormReader } from '$lib/server/validation';
import { guard, readForm, requireStaffActor } from '$lib/server/web/guards';
import { permissionsFor } from '$lib/server/web/permissions';

export const load: PageServerLoad = (event) => {
	const actor = requireStaffActor(event.locals);
	const permissions = permissionsFor(event, actor, event.params.childId);
	const profile = guard(() => readProfile(getDb(), permissions, event.locals.address));
	const values: Record<string, string> = {};
	for (const field of profileFields) {
		const value = profile[field.name];
		values[field.name] = Array.isArray(value) ? value.join('\n') : (value ?? '');
	}
	return {
		history: historyFor(getDb(), permissions),
		childId: profile.id,
		preferredName: profile.preferredName,
		fields: profileFields,
		values,
		mayEdit: permissions.can.editProfile
	};
};

async function save(event: RequestEvent<{ childId: string }>) {
	const actor = requireStaffActor(event.locals);
	guard(() => requireChild(getDb(), actor, 'editProfile', event.params.childId));
	const form = new FormReader(await readForm(event.request));
	const changes = readProfileForm(form);
	if (!form.ok) return fail(400, { values: form.values, problems: form.problems });
	guard(() => updateProfile(getDb(), actor, event.params.childId, changes, event.locals.address));
	return { saved: true };
}

export const actions: Actions = { default: save };
