import { fail, type RequestEvent } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { getDb } from '$lib/server/db';
import { assign, endAssignment, listAssignments } from '$lib/server/children/assignments';
import { AccountError } from '$lib/server/accounts/errors';
import { requireChild } from '$lib/server/access';
import { FormReader, type Problems } from '$lib/server/validation';
import { guard, readForm, requireStaffActor } from '$lib/server/web/guards';

export const load: PageServerLoad = ({ locals, params }) => {
	const actor = requireStaffActor(locals);
	return guard(() => listAssignments(getDb(), actor, params.childId));
};

async function add(event: RequestEvent<{ childId: string }>) {
	const actor = requireStaffActor(event.locals);
	guard(() => requireChild(getDb(), actor, 'manageAssignments', event.params.childId));
	const form = new FormReader(await readForm(event.request));
	const userId = form.text('userId', { required: true, max: 64 });
	if (!form.ok) return fail(400, { problems: form.problems });
	try {
		guard(() => assign(getDb(), actor, event.params.childId, userId, event.locals.address));
	} catch (e) {
		if (e instanceof AccountError) return fail(400, { problems: { userId: e.key } as Problems });
		throw e;
	}
	return { added: true };
}

async function end(event: RequestEvent<{ childId: string }>) {
	const actor = requireStaffActor(event.locals);
	guard(() => requireChild(getDb(), actor, 'manageAssignments', event.params.childId));
	const form = new FormReader(await readForm(event.request));
	const assignmentId = form.text('assignmentId', { required: true, max: 64 });
	if (!form.ok) return fail(400, { problems: form.problems });
	try {
		guard(() =>
			endAssignment(getDb(), actor, event.params.childId, assignmentId, event.locals.address)
		);
	} catch (e) {
		if (e instanceof AccountError)
			return fail(400, { problems: { assignmentId: e.key } as Problems });
		throw e;
	}
	return { ended: true };
}

export const actions: Actions = { add, end };
