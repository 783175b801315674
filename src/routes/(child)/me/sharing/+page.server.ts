import { redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { getDb } from '$lib/server/db';
import { askToChange, consentOf } from '$lib/server/consent/consent';
import { FormReader } from '$lib/server/validation';
import { answer, checked, isRefused } from '$lib/server/web/actions/answer';
import { guard, readForm, requireChildActor } from '$lib/server/web/guards';
import { permissionsFor } from '$lib/server/web/permissions';

/** "Sharing my information": what the child said when asked, and asking to change it. */
export const load: PageServerLoad = (event) => {
	const actor = requireChildActor(event.locals);
	const permissions = permissionsFor(event, actor, actor.childId!);
	return {
		consent: guard(() => consentOf(getDb(), permissions)),
		sent: event.url.searchParams.has('sent')
	};
};

export const actions: Actions = {
	ask: async (event) => {
		const actor = requireChildActor(event.locals);
		const form = new FormReader(await readForm(event.request));
		const id = form.text('consentId', { required: true, max: 40 });
		const message = form.text('message', { max: 2000, multiline: true });
		const refused = checked(form);
		if (refused) return refused;
		const result = await answer(
			form,
			() => askToChange(getDb(), actor, id, message, event.locals.address),
			{ field: 'message' }
		);
		if (isRefused(result)) return result;
		redirect(303, '/me/sharing?sent');
	}
};
