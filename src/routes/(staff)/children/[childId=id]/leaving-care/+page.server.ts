import { redirect, type RequestEvent } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { getDb } from '$lib/server/db';
import { leavingCare, moveToCareLeaver } from '$lib/server/children/leaving-care';
import { answer, checked, isRefused } from '$lib/server/web/actions/answer';
import { FormReader } from '$lib/server/validation';
import { guard, readForm, requireStaffActor } from '$lib/server/web/guards';

/** Moving a child's account on to a care leaver's, with the day they left care. */
export const load: PageServerLoad = ({ locals, params }) => {
	const actor = requireStaffActor(locals);
	return guard(() => leavingCare(getDb(), actor, params.childId));
};

async function move(event: RequestEvent<{ childId: string }>) {
	const actor = requireStaffActor(event.locals);
	const db = getDb();
	guard(() => leavingCare(db, actor, event.params.childId));
	const form = new FormReader(await readForm(event.request));
	const leftCareOn = form.text('leftCareOn', { required: true, max: 10 });
	const refused = checked(form);
	if (refused) return refused;
	const result = await answer(
		form,
		() => moveToCareLeaver(db, actor, event.params.childId, leftCareOn, event.locals.address),
		{ field: 'leftCareOn' }
	);
	if (isRefused(result)) return result;
	redirect(303, `/children/${event.params.childId}?movedOn`);
}

export const actions: Actions = { default: move };
