import { error, redirect, type RequestEvent } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { isChildRole } from '$lib/server/access';
import { minimumLength } from '$lib/server/auth/password';
import { submitNewPassword } from '$lib/server/web/actions/password-change';

/** After a sign-in code: a child chooses a new passphrase before anything else. */
function requireCodeSignIn(locals: App.Locals) {
	const { user, session } = locals;
	if (!user || !session) redirect(303, '/sign-in');
	if (!isChildRole(user.role)) error(403, 'error.status403');
	if (user.hasPassword && !session.viaSignInCode) redirect(303, '/account/password');
	return { user, session };
}

export const load: PageServerLoad = ({ locals }) => {
	const { user } = requireCodeSignIn(locals);
	return { firstTime: !user.hasPassword, minimum: minimumLength.child };
};

async function choose(event: RequestEvent) {
	const { user, session } = requireCodeSignIn(event.locals);
	return submitNewPassword(event, user, {
		askCurrent: false,
		afterSignInCode: session.viaSignInCode
	});
}

export const actions: Actions = { default: choose };
