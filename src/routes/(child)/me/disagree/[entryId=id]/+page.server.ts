import { redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { getDb } from '$lib/server/db';
import { cardsFor } from '$lib/server/read-model/cards';
import {
	AlreadyDisputed,
	disputableEntry,
	readDisagreementForm,
	startDisagreement
} from '$lib/server/disagreements/disagree';
import { attachUploads } from '$lib/server/web/actions/uploads';
import { sendChildEntry } from '$lib/server/space/child-entries';
import { answer, isRefused, refused } from '$lib/server/web/actions/answer';
import { FormReader } from '$lib/server/validation';
import { guard, readForm, requireChildActor } from '$lib/server/web/guards';

/** "I disagree" with one entry of my record. */
export const load: PageServerLoad = ({ locals, params }) => {
	const actor = requireChildActor(locals);
	const db = getDb();
	const { row, relation, disputedBy } = guard(() => disputableEntry(db, actor, params.entryId));
	// Said already: how it is going, not the form again.
	if (disputedBy) redirect(303, `/me/disagreements/${disputedBy}`);
	return { entry: cardsFor(db, actor, relation, [row], locals.locale)[0]! };
};

export const actions: Actions = {
	default: async (event) => {
		const actor = requireChildActor(event.locals);
		const db = getDb();
		const { disputedBy } = guard(() => disputableEntry(db, actor, event.params.entryId));
		if (disputedBy) redirect(303, `/me/disagreements/${disputedBy}`);
		const data = await readForm(event.request);
		const form = new FormReader(data);
		const input = readDisagreementForm(form);
		if (!form.ok) return refused(form, form.problems);
		const started = await answer(form, () => {
			try {
				return startDisagreement(db, actor, event.params.entryId, input, event.locals.address);
			} catch (e) {
				if (e instanceof AlreadyDisputed) redirect(303, `/me/disagreements/${e.disagreementId}`);
				throw e;
			}
		});
		if (isRefused(started)) return started;
		const id = started.id;
		// Words first; a refused photo or recording never stops them being sent.
		const problems = await attachUploads(db, actor, id, data, form);
		guard(() => sendChildEntry(db, actor, id, event.locals.address));
		const problem = problems[0] ? `&problem=${encodeURIComponent(problems[0])}` : '';
		redirect(303, `/me/disagreements/${id}?sent${problem}`);
	}
};
