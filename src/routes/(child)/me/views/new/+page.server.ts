import type { Actions, PageServerLoad } from './$types';
import { getDb } from '$lib/server/db';
import { helpersFor } from '$lib/server/space/child-entries';
import { meetingFor } from '$lib/server/space/meetings';
import { saveChildEntry } from '$lib/server/web/actions/child-entry';
import { guard, requireChildActor } from '$lib/server/web/guards';
import { requireFor } from '$lib/server/web/permissions';

/** Writing my views, for a review or meeting when there is one. */
export const load: PageServerLoad = (event) => {
	const { locals, url } = event;
	const actor = requireChildActor(locals);
	const writing = requireFor(event, actor, actor.childId, 'writeOwn');
	const db = getDb();
	const meetingId = url.searchParams.get('meeting');
	const meeting = meetingId ? guard(() => meetingFor(db, actor, meetingId)) : null;
	return {
		meeting,
		helpers: helpersFor(db, actor, writing),
		values: { meetingId: meeting?.id ?? '', visibility: 'workers' }
	};
};

export const actions: Actions = {
	default: async (event) => {
		const actor = requireChildActor(event.locals);
		const writing = requireFor(event, actor, actor.childId, 'writeOwn');
		return saveChildEntry(event, actor, writing, {
			kind: 'view',
			draftId: null,
			sentTo: '/me/views'
		});
	}
};
