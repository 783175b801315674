import type { RequestEvent } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { getDb } from '$lib/server/db';
import { requireChild } from '$lib/server/access';
import { newEntryForm } from '$lib/server/record/form-data';
import { saveEntry } from '$lib/server/web/actions/entry';
import { newestEntries } from '$lib/server/read-model/record';
import { guard, requireStaffActor } from '$lib/server/web/guards';
import { permissionsFor } from '$lib/server/web/permissions';

/** The form, and beside it on a wide screen the record's newest entries. */
export const load: PageServerLoad = (event) => {
	const { locals, params, url } = event;
	const actor = requireStaffActor(locals);
	const form = guard(() =>
		newEntryForm(getDb(), actor, params.childId, url.searchParams.get('corrects'))
	);
	const permissions = permissionsFor(event, actor, params.childId);
	const newest = guard(() => newestEntries(getDb(), permissions, { address: locals.address }));
	return { ...form, newest };
};

async function save(event: RequestEvent<{ childId: string }>) {
	const actor = requireStaffActor(event.locals);
	guard(() => requireChild(getDb(), actor, 'writeRecord', event.params.childId));
	const correctsId = event.url.searchParams.get('corrects');
	return saveEntry(event, actor, { childId: event.params.childId, draftId: null, correctsId });
}

export const actions: Actions = { default: save };
