import { redirect, type RequestEvent } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { isChildRole } from '$lib/server/access';
import { minimumLengthFor } from '$lib/server/auth/password';
import { pendingStep } from '$lib/server/web/guards';
import { submitNewPassword } from '$lib/server/web/actions/password-change';

/** Anyone signed in, including staff whose temporary password must change now. */
function requirePerson(locals: App.Locals) {
	const step = pendingStep(locals);
	if (step !== null && step !== '/account/password') redirect(303, step);
	return locals.user!;
}

export const load: PageServerLoad = ({ locals }) => {
	const user = requirePerson(locals);
	return {
		kind: isChildRole(user.role) ? ('passphrase' as const) : ('password' as const),
		minimum: minimumLengthFor(user.role),
		mustChange: user.mustChangePassword
	};
};

async function change(event: RequestEvent) {
	const user = requirePerson(event.locals);
	return submitNewPassword(event, user, { askCurrent: true });
}

export const actions: Actions = { default: change };
