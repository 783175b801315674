import { fail, type RequestEvent } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { getDb } from '$lib/server/db';
import { requireGeneral, unitsFor } from '$lib/server/access';
import { unitKinds } from '$lib/server/db/schema';
import { createUnit } from '$lib/server/organisation/units';
import { FormReader } from '$lib/server/validation';
import { guard, readForm, requireStaffActor } from '$lib/server/web/guards';

export const load: PageServerLoad = ({ locals }) => {
	const actor = guard(() => requireGeneral(requireStaffActor(locals), 'manageUnits'));
	return { units: unitsFor(getDb(), actor) };
};

async function create(event: RequestEvent) {
	const actor = guard(() => requireGeneral(requireStaffActor(event.locals), 'manageUnits'));
	const form = new FormReader(await readForm(event.request));
	const kind = form.choice('kind', unitKinds, { required: true });
	const name = form.text('name', { required: true, max: 120 });
	if (!form.ok || !kind) return fail(400, { values: form.values, problems: form.problems });
	createUnit(getDb(), actor, { kind, name }, event.locals.address);
	return { created: name };
}

export const actions: Actions = { default: create };
