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
import { answer, checked } from '$lib/server/web/actions/answer';
import { FormReader } from '$lib/server/validation';
import { guard, readForm, requireStaffActor } from '$lib/server/web/guards';

/** An advocate, sitting with the child, records the child's disagreement in the child's words. */
export const load: PageServerLoad = ({ locals, params }) => {
	const actor = requireStaffActor(locals);
	const db = getDb();
	const { row, relation, disputedBy } = guard(() => disputableEntry(db, actor, params.entryId));
	// Said already: the disagreement to follow, not the form again.
	if (disputedBy) redirect(303, `/disagreements/${disputedBy}`);
	return {
		child: { id: relation.child.id, preferredName: relation.child.preferredName },
		entry: cardsFor(db, actor, relation, [row], null)[0]!
	};
};

export const actions: Actions = {
	default: async (event) => {
		const actor = requireStaffActor(event.locals);
		const db = getDb();
		const { disputedBy } = guard(() => disputableEntry(db, actor, event.params.entryId));
		if (disputedBy) redirect(303, `/disagreements/${disputedBy}`);
		const form = new FormReader(await readForm(event.request));
		const input = readDisagreementForm(form);
		return (
			checked(form) ??
			answer(form, () => {
				let id: string;
				try {
					id = startDisagreement(db, actor, event.params.entryId, input, event.locals.address).id;
				} catch (e) {
					// Disputed meanwhile (another tab): the disagreement that was sent first.
					if (!(e instanceof AlreadyDisputed)) throw e;
					id = e.disagreementId;
				}
				redirect(303, `/disagreements/${id}`);
			})
		);
	}
};
