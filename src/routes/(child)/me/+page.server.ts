import type { PageServerLoad } from './$types';
import { getDb } from '$lib/server/db';
import { upcomingMeetings } from '$lib/server/space/meetings';
import { yourWorkers } from '$lib/server/children/profile';
import { guard, requireChildActor } from '$lib/server/web/guards';

export const load: PageServerLoad = ({ locals }) => {
	const actor = requireChildActor(locals);
	const db = getDb();
	const next = actor.childId ? upcomingMeetings(db, actor, actor.childId)[0] : undefined;
	return {
		name: actor.displayName,
		careLeaver: actor.role === 'care_leaver',
		// What is coming up first: the child is invited to get ready for it.
		next: next ? { id: next.id, kind: next.kind, title: next.title, date: next.date } : null,
		// Who is assigned to them: a new name stands out.
		workers: actor.childId ? guard(() => yourWorkers(db, actor, actor.childId!)) : []
	};
};
