import { fail, type RequestEvent } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { getDb } from '$lib/server/db';
import {
	approveAssignment,
	assign,
	endAssignment,
	listAssignments
} from '$lib/server/children/assignments';
import { AccountError } from '$lib/server/accounts/errors';
import { requireChild, type ChildAction } from '$lib/server/access';
import { FormReader, type Problems } from '$lib/server/validation';
import { guard, readForm, requireStaffActor } from '$lib/server/web/guards';

type Event = RequestEvent<{ childId: string }>;

export const load: PageServerLoad = ({ locals, params }) => {
	const actor = requireStaffActor(locals);
	return guard(() => listAssignments(getDb(), actor, params.childId));
};

/** The actor, if the policy allows this action on this child (layout loads skip actions). */
function actorFor(event: Event, action: ChildAction) {
	const actor = requireStaffActor(event.locals);
	guard(() => requireChild(getDb(), actor, action, event.params.childId));
	return actor;
}

async function add(event: Event) {
	const actor = actorFor(event, 'manageAssignments');
	const form = new FormReader(await readForm(event.request));
	const userId = form.text('userId', { required: true, max: 64 });
	if (!form.ok) return fail(400, { problems: form.problems });
	try {
		const made = guard(() =>
			assign(getDb(), actor, event.params.childId, userId, event.locals.address)
		);
		return { done: made.awaitingApproval ? ('waiting' as const) : ('added' as const) };
	} catch (e) {
		if (e instanceof AccountError) return fail(400, { problems: { userId: e.key } as Problems });
		throw e;
	}
}

/** Approving and ending both name one assignment of this child. */
function onAssignment(action: ChildAction, work: typeof endAssignment, done: 'ended' | 'approved') {
	return async (event: Event) => {
		const actor = actorFor(event, action);
		const form = new FormReader(await readForm(event.request));
		const assignmentId = form.text('assignmentId', { required: true, max: 64 });
		if (!form.ok) return fail(400, { problems: form.problems });
		try {
			guard(() => work(getDb(), actor, event.params.childId, assignmentId, event.locals.address));
		} catch (e) {
			if (e instanceof AccountError) {
				return fail(400, { problems: { assignmentId: e.key } as Problems });
			}
			throw e;
		}
		return { done };
	};
}

const end = onAssignment('manageAssignments', endAssignment, 'ended');
const approve = onAssignment('approveAssignments', approveAssignment, 'approved');

export const actions: Actions = { add, end, approve };
