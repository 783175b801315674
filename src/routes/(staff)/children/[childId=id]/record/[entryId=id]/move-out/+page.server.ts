import { redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { getDb } from '$lib/server/db';
import { answer, checked } from '$lib/server/web/actions/answer';
import { readReleaseForm, releasable, releaseConfidential } from '$lib/server/record/confidential';
import { FormReader } from '$lib/server/validation';
import { guard, readForm, requireStaffActor } from '$lib/server/web/guards';

/** A manager moves an item out of the confidential section, after consulting who lodged it. */
export const load: PageServerLoad = ({ locals, params }) => {
	const actor = requireStaffActor(locals);
	const { item, child } = guard(() => releasable(getDb(), actor, params.entryId));
	if (child.id !== params.childId)
		redirect(303, `/children/${child.id}/record/${item.id}/move-out`);
	return {
		child,
		item: {
			id: item.id,
			title: item.title,
			reason: item.confidentialReason,
			originator: item.authorName,
			originatorPost: item.authorPostTitle,
			originatorRole: item.authorRole,
			lodgedAt: item.recordedAt
		}
	};
};

export const actions: Actions = {
	default: async (event) => {
		const actor = requireStaffActor(event.locals);
		const db = getDb();
		const { item } = guard(() => releasable(db, actor, event.params.entryId));
		const form = new FormReader(await readForm(event.request));
		const input = readReleaseForm(form);
		return (
			checked(form) ??
			answer(form, () => {
				releaseConfidential(db, actor, item.id, input, event.locals.address);
				redirect(303, `/children/${item.childId}/record/${item.id}?moved`);
			})
		);
	}
};
