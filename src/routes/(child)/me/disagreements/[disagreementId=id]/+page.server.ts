import type { PageServerLoad } from './$types';
import { getDb } from '$lib/server/db';
import { openDisagreement } from '$lib/server/disagreements/steps';
import { guard, requireChildActor } from '$lib/server/web/guards';

/** One disagreement, step by step, in plain words. */
export const load: PageServerLoad = ({ locals, params, url }) => {
	const actor = requireChildActor(locals);
	const { state } = guard(() => openDisagreement(getDb(), actor, params.disagreementId));
	const problem = url.searchParams.get('problem');
	return {
		state,
		sent: url.searchParams.has('sent'),
		problem: problem?.startsWith('media.problem.') ? problem : null
	};
};
