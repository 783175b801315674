import type { RequestEvent } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { getDb } from '$lib/server/db';
import {
	approveAssignment,
	assign,
	endAssignment,
	listAssignments
} from '$lib/server/children/assignments';
import { answer, checked } from '$lib/server/web/actions/answer';
import { requireChild, type ChildAction } from '$lib/server/access';
import { FormReader } from '$lib/server/validation';
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
	return (
		checked(form) ??
		answer(
			form,
			() => {
				const made = assign(getDb(), actor, event.params.childId, userId, event.locals.address);
				return { done: made.awaitingApproval ? ('waiting' as const) : ('added' as const) };
			},
			{ field: 'userId' }
		)
	);
}

/** Approving and ending both name one assignment of this child. */
function onAssignment(action: ChildAction, work: typeof endAssignment, done: 'ended' | 'approved') {
	return async (event: Event) => {
		const actor = actorFor(event, action);
		const form = new FormReader(await readForm(event.request));
		const assignmentId = form.text('assignmentId', { required: true, max: 64 });
		return (
			checked(form) ??
			answer(
				form,
				() => {
					work(getDb(), actor, event.params.childId, assignmentId, event.locals.address);
					return { done };
				},
				{ field: 'assignmentId' }
			)
		);
	};
}

const end = onAssignment('manageAssignments', endAssignment, 'ended');
const approve = onAssignment('approveAssignments', approveAssignment, 'approved');

export const actions: Actions = { add, end, approve };
