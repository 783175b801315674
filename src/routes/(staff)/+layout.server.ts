import type { LayoutServerLoad } from './$types';
import { requireStaffActor } from '$lib/server/web/guards';

/** Staff, managers and administrators: each page below asks the access policy again. */
export const load: LayoutServerLoad = ({ locals }) => {
	requireStaffActor(locals);
};
