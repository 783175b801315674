import type { Actions, PageServerLoad } from './$types';
import { getDb } from '$lib/server/db';
import { helpersFor } from '$lib/server/space/child-entries';
import { meetingFor } from '$lib/server/space/meetings';
import { saveChildEntry } from '$lib/server/web/actions/child-entry';
import { guard, requireChildActor } from '$lib/server/web/guards';

/** Writing my views, for a review or meeting when there is one. */
export const load: PageServerLoad = ({ locals, url }) => {
	const actor = requireChildActor(locals);
	const db = getDb();
	const meetingId = url.searchParams.get('meeting');
	const meeting = meetingId ? guard(() => meetingFor(db, actor, meetingId)) : null;
	return {
		meeting,
		helpers: helpersFor(db, actor.childId!),
		values: { meetingId: meeting?.id ?? '', visibility: 'workers' }
	};
};

export const actions: Actions = {
	default: async (event) => {
		const actor = requireChildActor(event.locals);
		return saveChildEntry(event, actor, { kind: 'view', draftId: null, sentTo: '/me/views' });
	}
};
