import type { LayoutServerLoad } from './$types';
import { accountLinkFor, navFor } from '$lib/server/web/nav';
import { locales } from '$lib/i18n/locales';

export const load: LayoutServerLoad = ({ locals }) => ({
	locale: locals.locale,
	locales: locales.map(({ code, name }) => ({ code, name })),
	user: locals.user
		? { displayName: locals.user.displayName, role: locals.user.role, complete: !!locals.actor }
		: null,
	nav: navFor(locals.actor),
	account: accountLinkFor(locals.actor)
});
