import type { LayoutServerLoad } from './$types';
import { accountLinkFor, navFor, offersBreak, offersHelpNow } from '$lib/server/web/view/nav';
import { locales } from '$lib/i18n/locales';
import { easyReadFor } from '$lib/server/web/hooks/i18n';
import { getDb } from '$lib/server/db';
import { integrityWarning } from '$lib/server/record/alerts';

export const load: LayoutServerLoad = ({ locals }) => ({
	locale: locals.locale,
	easyRead: locals.easyRead,
	offerEasyRead: easyReadFor(locals.user),
	locales: locales.map(({ code, name }) => ({ code, name })),
	user: locals.user
		? { displayName: locals.user.displayName, role: locals.user.role, complete: !!locals.actor }
		: null,
	nav: navFor(locals.actor),
	helpNow: offersHelpNow(locals.actor),
	takeBreak: offersBreak(locals.actor, locals.user),
	account: accountLinkFor(locals.actor),
	integrity: integrityWarning(getDb(), locals.actor)
});
