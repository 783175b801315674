import type { RequestEvent } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { getDb } from '$lib/server/db';
import { childForSignInCode, issueSignInCode } from '$lib/server/children/sign-in-code';
import { guard, requireStaffActor } from '$lib/server/web/guards';

/** The slip's address is this site's own page for signing in with a code. */
export const load: PageServerLoad = ({ locals, params, url }) => {
	const actor = requireStaffActor(locals);
	return {
		child: guard(() => childForSignInCode(getDb(), actor, params.childId)),
		address: `${url.origin}/sign-in/code`
	};
};

/** The code is shown once, here, and stored only as a hash. */
function create(event: RequestEvent<{ childId: string }>) {
	const actor = requireStaffActor(event.locals);
	const issued = guard(() =>
		issueSignInCode(getDb(), actor, event.params.childId, event.locals.address)
	);
	return { code: issued.code, expiresAt: issued.expiresAt.toISOString() };
}

export const actions: Actions = { default: create };
