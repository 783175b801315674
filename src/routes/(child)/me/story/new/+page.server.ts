import { error } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { getDb } from '$lib/server/db';
import { helpersFor } from '$lib/server/space/child-entries';
import { saveChildEntry } from '$lib/server/web/actions/child-entry';
import { requireChildActor } from '$lib/server/web/guards';
import { requireFor } from '$lib/server/web/permissions';

const storyKinds = ['life_event', 'memory'] as const;
const starters = ['home', 'person', 'school', 'proud', 'pet', 'celebration'];

function kindOf(url: URL) {
	const kind = url.searchParams.get('kind') ?? 'life_event';
	if (!storyKinds.includes(kind as (typeof storyKinds)[number])) error(404, 'error.status404');
	return kind as (typeof storyKinds)[number];
}

/** Adding to my life story: something that happened, or a memory (a photo, a certificate...). */
export const load: PageServerLoad = (event) => {
	const { locals, url } = event;
	const actor = requireChildActor(locals);
	const writing = requireFor(event, actor, actor.childId, 'writeOwn');
	const kind = kindOf(url);
	return {
		kind,
		prompt: starters.find((s) => s === url.searchParams.get('prompt')) ?? '',
		helpers: helpersFor(getDb(), actor, writing),
		values: { visibility: 'workers' }
	};
};

export const actions: Actions = {
	default: async (event) => {
		const actor = requireChildActor(event.locals);
		const writing = requireFor(event, actor, actor.childId, 'writeOwn');
		return saveChildEntry(event, actor, writing, {
			kind: kindOf(event.url),
			draftId: null,
			sentTo: '/me/story'
		});
	}
};
