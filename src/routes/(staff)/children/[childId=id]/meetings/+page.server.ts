import { fail, redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { getDb } from '$lib/server/db';
import { requireChild } from '$lib/server/access';
import { cancelMeeting, readMeetingForm, scheduleMeeting } from '$lib/server/space/meetings';
import { reviewsWithViews } from '$lib/server/read-model/views';
import { FormReader } from '$lib/server/validation';
import { guard, readForm, requireStaffActor } from '$lib/server/web/guards';
import { permissionsFor } from '$lib/server/web/permissions';

/**
 * Reviews and meetings for a child: the ones coming up, so they can prepare their views, and the
 * last ones that took place, each with the views the child sent for it.
 */
export const load: PageServerLoad = (event) => {
	const actor = requireStaffActor(event.locals);
	const permissions = permissionsFor(event, actor, event.params.childId);
	const relation = guard(() => permissions.require('viewRecord'));
	return {
		child: { id: relation.child.id, preferredName: relation.child.preferredName },
		...reviewsWithViews(getDb(), actor, relation),
		maySchedule: permissions.can.scheduleMeetings,
		scheduled: event.url.searchParams.has('scheduled')
	};
};

export const actions: Actions = {
	schedule: async (event) => {
		const actor = requireStaffActor(event.locals);
		const db = getDb();
		guard(() => requireChild(db, actor, 'scheduleMeetings', event.params.childId));
		const form = new FormReader(await readForm(event.request));
		const input = readMeetingForm(form);
		if (!form.ok) return fail(400, { values: form.values, problems: form.problems });
		guard(() => scheduleMeeting(db, actor, event.params.childId, input));
		redirect(303, `/children/${event.params.childId}/meetings?scheduled`);
	},
	cancel: async (event) => {
		const actor = requireStaffActor(event.locals);
		const form = await readForm(event.request);
		const { childId } = event.params;
		guard(() => cancelMeeting(getDb(), actor, childId, String(form.get('meetingId') ?? '')));
		redirect(303, `/children/${childId}/meetings`);
	}
};
