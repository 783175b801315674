import { redirect } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { homeFor } from '$lib/server/web/view/nav';
import { pendingStep } from '$lib/server/web/guards';

/** `/` sends each person to their own home, or to the sign-in step they still need. */
export const GET: RequestHandler = ({ locals }) => {
	if (locals.actor) redirect(303, homeFor(locals.actor));
	redirect(303, pendingStep(locals) ?? '/sign-in');
};
