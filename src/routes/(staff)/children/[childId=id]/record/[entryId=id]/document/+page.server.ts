import type { PageServerLoad } from './$types';
import { getDb } from '$lib/server/db';
import { caseDocument } from '$lib/server/read-model/disagreement';
import { guard, requireStaffActor } from '$lib/server/web/guards';

/** A printable document of a child's contribution or disagreement, for the case record. */
export const load: PageServerLoad = ({ locals, params }) => {
	const actor = requireStaffActor(locals);
	return guard(() => caseDocument(getDb(), actor, params.entryId, locals.address));
};
