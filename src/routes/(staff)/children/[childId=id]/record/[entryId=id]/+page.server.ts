import { redirect, type RequestEvent } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { getDb } from '$lib/server/db';
import { entryDetail } from '$lib/server/read-model/record';
import { draftForm } from '$lib/server/record/form-data';
import { discardDraft } from '$lib/server/record/write';
import { saveEntry } from '$lib/server/web/actions/entry';
import { guard, readForm, requireStaffActor } from '$lib/server/web/guards';
import { permissionCache, permissionsFor } from '$lib/server/web/permissions';
import { answerView, markRead } from '$lib/server/space/inbox';
import { linkCaseRecord, readLinkForm } from '$lib/server/disagreements/steps';
import { requireChild } from '$lib/server/access';
import { answer, checked } from '$lib/server/web/actions/answer';
import { FormReader } from '$lib/server/validation';

export const load: PageServerLoad = (event) => {
	const { locals, params, url } = event;
	const actor = requireStaffActor(locals);
	const db = getDb();
	const detail = guard(() =>
		entryDetail(db, actor, params.entryId, {
			address: locals.address,
			locale: null,
			permissions: permissionCache(event)
		})
	);
	// Asked once: entryDetail has just put the answers for this child in the request's cache.
	const { can } = permissionsFor(event, actor, detail.child.id);
	if (detail.entry.view === 'full' && detail.child.id !== params.childId) {
		redirect(303, `/children/${detail.child.id}/record/${params.entryId}`);
	}
	if (detail.entry.view === 'full' && detail.entry.status === 'final') {
		markRead(db, actor, params.entryId);
	}
	return {
		child: detail.child,
		entry: detail.entry,
		mayCorrect: detail.mayCorrect,
		mayRelease: detail.mayRelease,
		mayDisagree: detail.mayDisagree,
		mayLink: detail.mayLink,
		mayAnswer:
			detail.entry.view === 'full' &&
			detail.entry.kind === 'view' &&
			detail.entry.status === 'final' &&
			can.writeRecord,
		form: detail.draft ? guard(() => draftForm(db, actor, params.entryId)) : null,
		notice:
			(['finalised', 'saved', 'moved', 'answered', 'linked'] as const).find((n) =>
				url.searchParams.has(n)
			) ?? null
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

/** "You said, we did": the answer to a child's view, shown to them beside it. */
async function answerChild(event: RequestEvent<{ childId: string; entryId: string }>) {
	const actor = requireStaffActor(event.locals);
	guard(() => requireChild(getDb(), actor, 'writeRecord', event.params.childId));
	const form = new FormReader(await readForm(event.request));
	const words = form.text('answer', { required: true, max: 4000, multiline: true });
	return (
		checked(form) ??
		answer(form, () => {
			answerView(getDb(), actor, event.params.entryId, words, event.locals.address);
			redirect(303, `/children/${event.params.childId}/record/${event.params.entryId}?answered`);
		})
	);
}

/** Where a child's "put it in my record" contribution was put in the formal case record. */
async function link(event: RequestEvent<{ childId: string; entryId: string }>) {
	const actor = requireStaffActor(event.locals);
	guard(() => requireChild(getDb(), actor, 'handleDisagreements', event.params.childId));
	const form = new FormReader(await readForm(event.request));
	const input = readLinkForm(form);
	const extra = { step: 'linked' as const };
	return (
		checked(form, extra) ??
		answer(
			form,
			() => {
				linkCaseRecord(getDb(), actor, event.params.entryId, input, event.locals.address);
				redirect(303, `/children/${event.params.childId}/record/${event.params.entryId}?linked`);
			},
			{ extra }
		)
	);
}

export const actions: Actions = { save, discard, answer: answerChild, link };
