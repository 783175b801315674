import { redirect } from '@sveltejs/kit';
import { asc, eq } from 'drizzle-orm';
import type { Actions, PageServerLoad } from './$types';
import { getDb } from '$lib/server/db';
import { media } from '$lib/server/db/schema';
import { childDraft, helpersFor } from '$lib/server/space/child-entries';
import { removeAttachment } from '$lib/server/space/attachments';
import { draftValues, type ChildKind } from '$lib/server/space/input';
import { saveChildEntry } from '$lib/server/web/actions/child-entry';
import { guard, guardAsync, readForm, requireChildActor } from '$lib/server/web/guards';
import { requireFor } from '$lib/server/web/permissions';

const sentTo = (kind: string) => (kind === 'view' ? '/me/views' : '/me/story');

/** A draft the child saved (or that a refused photo sent them back to): carry on, or send it. */
export const load: PageServerLoad = (event) => {
	const { locals, params, url } = event;
	const actor = requireChildActor(locals);
	const writing = requireFor(event, actor, actor.childId, 'writeOwn');
	const db = getDb();
	const draft = guard(() => childDraft(db, actor, params.entryId));
	const problem = url.searchParams.get('problem');
	return {
		kind: draft.kind as ChildKind,
		values: draftValues(draft),
		helpers: helpersFor(db, actor, writing),
		attached: db
			.select({ id: media.id, kind: media.kind, caption: media.caption })
			.from(media)
			.where(eq(media.entryId, draft.id))
			.orderBy(asc(media.createdAt))
			.all(),
		problem: problem?.startsWith('media.problem.') ? problem : null,
		saved: url.searchParams.has('saved')
	};
};

export const actions: Actions = {
	save: async (event) => {
		const actor = requireChildActor(event.locals);
		const draft = guard(() => childDraft(getDb(), actor, event.params.entryId));
		const writing = requireFor(event, actor, actor.childId, 'writeOwn');
		return saveChildEntry(event, actor, writing, {
			kind: draft.kind as ChildKind,
			draftId: draft.id,
			sentTo: sentTo(draft.kind)
		});
	},
	removeMedia: async (event) => {
		const actor = requireChildActor(event.locals);
		const form = await readForm(event.request);
		const draft = guard(() => childDraft(getDb(), actor, event.params.entryId));
		const mediaId = String(form.get('mediaId') ?? '');
		if (mediaId) await guardAsync(() => removeAttachment(getDb(), actor, mediaId, draft.id));
		redirect(303, `/me/drafts/${draft.id}`);
	}
};
