import { redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { getDb } from '$lib/server/db';
import { cardsFor } from '$lib/server/read-model/cards';
import {
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
	const { row, relation } = guard(() => disputableEntry(db, actor, params.entryId));
	return {
		child: { id: relation.child.id, preferredName: relation.child.preferredName },
		entry: cardsFor(db, actor, relation, [row], null)[0]!
	};
};

export const actions: Actions = {
	default: async (event) => {
		const actor = requireStaffActor(event.locals);
		const db = getDb();
		guard(() => disputableEntry(db, actor, event.params.entryId));
		const form = new FormReader(await readForm(event.request));
		const input = readDisagreementForm(form);
		return (
			checked(form) ??
			answer(form, () => {
				const sent = startDisagreement(
					db,
					actor,
					event.params.entryId,
					input,
					event.locals.address
				);
				redirect(303, `/disagreements/${sent.id}`);
			})
		);
	}
};
