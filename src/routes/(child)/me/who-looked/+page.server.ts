import { fail, redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { getDb } from '$lib/server/db';
import { whoLooked } from '$lib/server/children/profile';
import { advocateSharing, setAdvocateSharing } from '$lib/server/space/sharing';
import { guard, readForm, requireChildActor } from '$lib/server/web/guards';

/** Who looked at my record, and whether my advocate may read it (my choice). */
export const load: PageServerLoad = ({ locals, url }) => {
	const actor = requireChildActor(locals);
	const db = getDb();
	return {
		views: guard(() => whoLooked(db, actor)),
		advocate: guard(() => advocateSharing(db, actor)),
		changed: url.searchParams.has('changed')
	};
};

export const actions: Actions = {
	advocate: async (event) => {
		const actor = requireChildActor(event.locals);
		const form = await readForm(event.request);
		// Only a clear yes or no changes anything.
		const choice = form.get('sees');
		if (choice !== 'yes' && choice !== 'no') return fail(400, { problem: 'form.invalid' });
		guard(() => setAdvocateSharing(getDb(), actor, choice === 'yes', event.locals.address));
		redirect(303, '/me/who-looked?changed#advocate');
	}
};
