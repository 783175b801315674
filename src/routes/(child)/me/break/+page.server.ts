import { fail, type RequestEvent } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { getDb } from '$lib/server/db';
import { breakFor } from '$lib/server/read-model/chapters';
import { setCalmMode } from '$lib/server/space/calm';
import { FormReader } from '$lib/server/validation';
import { guard, readForm, requireChildActor } from '$lib/server/web/guards';

/** "Take a break": a calm page with people to talk to, and calm mode on or off. */
export const load: PageServerLoad = ({ locals }) => {
	const actor = requireChildActor(locals);
	return guard(() => breakFor(getDb(), actor));
};

async function calm(event: RequestEvent) {
	const actor = requireChildActor(event.locals);
	const form = new FormReader(await readForm(event.request));
	const on = form.choice('calm', ['on', 'off'] as const, { required: true });
	if (!form.ok || !on) return fail(400, { calmProblem: 'form.invalid' });
	guard(() => setCalmMode(getDb(), actor, on === 'on'));
	return { calmSaved: on };
}

export const actions: Actions = { calm };
