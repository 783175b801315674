import { redirect, type RequestEvent } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { getDb } from '$lib/server/db';
import { requireChild } from '$lib/server/access';
import { answer, refused } from '$lib/server/web/actions/answer';
import {
	acknowledge,
	decide,
	extend,
	linkCaseRecord,
	openDisagreement,
	readDecisionForm,
	readLinkForm
} from '$lib/server/disagreements/steps';
import { disagreementToAnswer } from '$lib/server/read-model/disagreement';
import { markRead } from '$lib/server/space/inbox';
import { FormReader } from '$lib/server/validation';
import { guard, readForm, requireStaffActor } from '$lib/server/web/guards';

/** One disagreement: the disputed entry, what the child said, each step, and the next one. */
export const load: PageServerLoad = ({ locals, params, url }) => {
	const actor = requireStaffActor(locals);
	const db = getDb();
	const { row, state, disputed, mayHandle } = guard(() =>
		disagreementToAnswer(db, actor, params.disagreementId, locals.address)
	);
	markRead(db, actor, row.id);
	return { state, disputed, childId: row.childId, mayHandle, notice: url.searchParams.get('done') };
};

type Event = RequestEvent<{ disagreementId: string }>;

/** Refuses anyone who may not answer for this child, before the form is even read. */
function handler(event: Event) {
	const actor = requireStaffActor(event.locals);
	const db = getDb();
	const { row } = guard(() => openDisagreement(db, actor, event.params.disagreementId));
	guard(() => requireChild(db, actor, 'handleDisagreements', row.childId));
	return { actor, db };
}

async function step(event: Event, work: (form: FormReader) => void, done: string) {
	const form = new FormReader(await readForm(event.request));
	const extra = { step: done };
	return answer(
		form,
		() => {
			work(form);
			if (!form.ok) return refused(form, form.problems, extra);
			redirect(303, `/disagreements/${event.params.disagreementId}?done=${done}`);
		},
		{ extra }
	);
}

export const actions: Actions = {
	acknowledge: (event) => {
		const { actor, db } = handler(event);
		return step(
			event,
			() => guard(() => acknowledge(db, actor, event.params.disagreementId, event.locals.address)),
			'acknowledged'
		);
	},
	extend: (event) => {
		const { actor, db } = handler(event);
		return step(
			event,
			(form) => {
				const months = form.choice('months', ['1', '2'] as const, { required: true });
				const reason = form.text('reason', { required: true, max: 2000, multiline: true });
				if (!form.ok) return;
				guard(() =>
					extend(
						db,
						actor,
						event.params.disagreementId,
						{ months: months ? (Number(months) as 1 | 2) : null, reason },
						event.locals.address
					)
				);
			},
			'extended'
		);
	},
	decide: (event) => {
		const { actor, db } = handler(event);
		return step(
			event,
			(form) => {
				const input = readDecisionForm(form);
				if (!form.ok) return;
				guard(() => decide(db, actor, event.params.disagreementId, input, event.locals.address));
			},
			'decided'
		);
	},
	link: (event) => {
		const { actor, db } = handler(event);
		return step(
			event,
			(form) => {
				const input = readLinkForm(form);
				if (!form.ok) return;
				guard(() =>
					linkCaseRecord(db, actor, event.params.disagreementId, input, event.locals.address)
				);
			},
			'linked'
		);
	}
};
