import type { LayoutServerLoad } from './$types';
import { requireChildActor } from '$lib/server/web/guards';

/** The child's and care leaver's own space. */
export const load: LayoutServerLoad = ({ locals }) => {
	requireChildActor(locals);
};
