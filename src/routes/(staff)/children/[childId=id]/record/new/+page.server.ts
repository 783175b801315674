import type { RequestEvent } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { getDb } from '$lib/server/db';
import { requireChild } from '$lib/server/access';
import { newEntryForm } from '$lib/server/record/form-data';
import { saveEntry } from '$lib/server/web/actions/entry';
import { guard, requireStaffActor } from '$lib/server/web/guards';

export const load: PageServerLoad = ({ locals, params, url }) => {
	const actor = requireStaffActor(locals);
	return guard(() =>
		newEntryForm(getDb(), actor, params.childId, url.searchParams.get('corrects'))
	);
};

async function save(event: RequestEvent<{ childId: string }>) {
	const actor = requireStaffActor(event.locals);
	guard(() => requireChild(getDb(), actor, 'writeRecord', event.params.childId));
	const correctsId = event.url.searchParams.get('corrects');
	return saveEntry(event, actor, { childId: event.params.childId, draftId: null, correctsId });
}

export const actions: Actions = { default: save };
