import type { Actions, PageServerLoad } from './$types';
import { getDb } from '$lib/server/db';
import { askForHelp, urgencies } from '$lib/server/space/help';
import { FormReader } from '$lib/server/validation';
import { guard, readForm, requireChildActor } from '$lib/server/web/guards';

export const load: PageServerLoad = ({ locals }) => {
	requireChildActor(locals);
	return {};
};

/** "I need to talk to someone" / "I don't feel safe": told at once, and the child sees who. */
export const actions: Actions = {
	default: async (event) => {
		const actor = requireChildActor(event.locals);
		const form = new FormReader(await readForm(event.request));
		const urgency = form.choice('urgency', urgencies) ?? 'talk';
		const words = form.text('words', { max: 2000, multiline: true });
		const { told } = guard(() => askForHelp(getDb(), actor, urgency, words, event.locals.address));
		return {
			asked: urgency,
			told: told.map((p) => ({ name: p.name, postTitle: p.postTitle, role: p.role }))
		};
	}
};
