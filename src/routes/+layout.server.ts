import type { LayoutServerLoad } from './$types';
import { accountLinkFor, navFor } from '$lib/server/web/nav';
import { locales } from '$lib/i18n/locales';
import { isChildRole } from '$lib/server/access/roles';

export const load: LayoutServerLoad = ({ locals }) => ({
	locale: locals.locale,
	easyRead: locals.easyRead,
	/** Easy read is offered to children and to anyone not signed in (a child about to sign in). */
	offerEasyRead: !locals.user || isChildRole(locals.user.role),
	locales: locales.map(({ code, name }) => ({ code, name })),
	user: locals.user
		? { displayName: locals.user.displayName, role: locals.user.role, complete: !!locals.actor }
		: null,
	nav: navFor(locals.actor),
	account: accountLinkFor(locals.actor)
});
