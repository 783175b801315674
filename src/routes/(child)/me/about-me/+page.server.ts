import { redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { getDb } from '$lib/server/db';
import { historyFor } from '$lib/server/children/history';
import { readOwnIdentity, updateOwnIdentity } from '$lib/server/children/identity';
import { FormReader } from '$lib/server/validation';
import { answer, checked, isRefused } from '$lib/server/web/actions/answer';
import { guard, readForm, requireChildActor } from '$lib/server/web/guards';
import { permissionsFor } from '$lib/server/web/permissions';

/** "About me": the child's name, pronouns and who they are, in their own words. */
export const load: PageServerLoad = (event) => {
	const actor = requireChildActor(event.locals);
	const db = getDb();
	const identity = guard(() => readOwnIdentity(db, actor));
	const permissions = permissionsFor(event, actor, actor.childId!);
	return {
		identity,
		history: guard(() => historyFor(db, permissions)),
		saved: event.url.searchParams.has('saved')
	};
};

export const actions: Actions = {
	default: async (event) => {
		const actor = requireChildActor(event.locals);
		const form = new FormReader(await readForm(event.request));
		const short = { max: 200 };
		const long = { max: 2000, multiline: true };
		const changes = {
			preferredName: form.text('preferredName', { required: true, ...short }),
			pronouns: form.text('pronouns', short) || null,
			ownCulture: form.text('ownCulture', long) || null,
			ownReligion: form.text('ownReligion', long) || null,
			ownLanguages: form.text('ownLanguages', long) || null,
			ownAboutMe: form.text('ownAboutMe', long) || null
		};
		const refused = checked(form);
		if (refused) return refused;
		const result = await answer(form, () =>
			updateOwnIdentity(getDb(), actor, changes, event.locals.address)
		);
		if (isRefused(result)) return result;
		redirect(303, '/me/about-me?saved');
	}
};
