import { redirect } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { getDb } from '$lib/server/db';
import { isLocale } from '$lib/i18n/locales';
import { languageCookie, rememberOnDevice } from '$lib/server/web/hooks/i18n';
import { setLocale } from '$lib/server/accounts/manage';
import * as accessLog from '$lib/server/audit/access-log';
import { readForm, safeReturn } from '$lib/server/web/guards';

/** Remembers the language for this browser, and for the person when signed in. */
export const POST: RequestHandler = async ({ request, locals, cookies, url }) => {
	const form = await readForm(request);
	const locale = form.get('locale');
	if (isLocale(locale)) {
		rememberOnDevice(cookies, url, languageCookie, locale);
		if (locals.user && locals.user.locale !== locale) {
			const db = getDb();
			setLocale(db, locals.user.id, locale);
			accessLog.record(db, {
				actor: locals.user,
				action: 'language-changed',
				address: locals.address
			});
		}
	}
	redirect(303, safeReturn(form.get('returnTo')));
};
