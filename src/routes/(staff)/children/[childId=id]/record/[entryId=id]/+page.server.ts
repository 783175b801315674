import { redirect, type RequestEvent } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { getDb } from '$lib/server/db';
import { entryDetail } from '$lib/server/record/read';
import { draftForm } from '$lib/server/record/form-data';
import { discardDraft } from '$lib/server/record/write';
import { saveEntry } from '$lib/server/web/entry-action';
import { guard, requireStaffActor } from '$lib/server/web/guards';

export const load: PageServerLoad = ({ locals, params, url }) => {
	const actor = requireStaffActor(locals);
	const db = getDb();
	const detail = guard(() =>
		entryDetail(db, actor, params.entryId, { address: locals.address, locale: null })
	);
	if (detail.entry.view === 'full' && detail.child.id !== params.childId) {
		redirect(303, `/children/${detail.child.id}/record/${params.entryId}`);
	}
	return {
		child: detail.child,
		entry: detail.entry,
		mayCorrect: detail.mayCorrect,
		mayRelease: detail.mayRelease,
		form: detail.draft ? guard(() => draftForm(db, actor, params.entryId)) : null,
		notice: (['finalised', 'saved', 'moved'] as const).find((n) => url.searchParams.has(n)) ?? null
	};
};

async function save(event: RequestEvent<{ childId: string; entryId: string }>) {
	const actor = requireStaffActor(event.locals);
	const { correcting } = guard(() => draftForm(getDb(), actor, event.params.entryId));
	return saveEntry(event, actor, {
		childId: event.params.childId,
		draftId: event.params.entryId,
		correctsId: correcting?.id ?? null
	});
}

function discard(event: RequestEvent<{ childId: string; entryId: string }>) {
	const actor = requireStaffActor(event.locals);
	const childId = guard(() =>
		discardDraft(getDb(), actor, event.params.entryId, new Date(), event.locals.address)
	);
	redirect(303, `/children/${childId}/record?discarded`);
}

export const actions: Actions = { save, discard };
