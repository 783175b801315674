import { redirect } from '@sveltejs/kit';
import type { LayoutServerLoad } from './$types';

/** The steps between a password and a full session: signed in, but not finished. */
export const load: LayoutServerLoad = ({ locals }) => {
	if (!locals.user || !locals.session) redirect(303, '/sign-in');
};
