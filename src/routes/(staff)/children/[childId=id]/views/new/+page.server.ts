import { redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { getDb } from '$lib/server/db';
import { readChildEntryForm } from '$lib/server/space/input';
import { sendViewsWith, viewsWithVisibilities } from '$lib/server/space/child-entries';
import { upcomingMeetings } from '$lib/server/space/meetings';
import { answer, checked } from '$lib/server/web/actions/answer';
import { FormReader } from '$lib/server/validation';
import { guard, readForm, requireStaffActor } from '$lib/server/web/guards';
import { permissionsFor, requireFor } from '$lib/server/web/permissions';
import { today } from '$lib/server/dates/day';

/** An advocate, sitting with the child, writes the child's views in the child's words. */
export const load: PageServerLoad = (event) => {
	const actor = requireStaffActor(event.locals);
	const permissions = permissionsFor(event, actor, event.params.childId);
	const relation = guard(() => permissions.require('writeViewsWith'));
	const meetingId = event.url.searchParams.get('meeting') ?? '';
	return {
		child: { id: relation.child.id, preferredName: relation.child.preferredName },
		meetings: upcomingMeetings(getDb(), actor, relation),
		choices: viewsWithVisibilities,
		values: { visibility: 'advocate', meetingId }
	};
};

export const actions: Actions = {
	default: async (event) => {
		const actor = requireStaffActor(event.locals);
		const { childId } = event.params;
		const relation = requireFor(event, actor, childId, 'writeViewsWith');
		const form = new FormReader(await readForm(event.request));
		const birthYear = relation.child.dateOfBirth
			? Number(relation.child.dateOfBirth.slice(0, 4))
			: null;
		const input = readChildEntryForm(form, 'view', { today: today(), birthYear });
		return (
			checked(form) ??
			answer(form, () => {
				sendViewsWith(getDb(), actor, childId, input, event.locals.address);
				redirect(303, `/children/${childId}?viewsSent`);
			})
		);
	}
};
