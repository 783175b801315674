import type { RequestHandler } from './$types';
import { getDb } from '$lib/server/db';
import * as accessLog from '$lib/server/audit/access-log';
import { invalidateSession } from '$lib/server/auth/session';
import { deleteSessionCookie } from '$lib/server/auth/cookie';
import { easyReadCookie, languageCookie } from '$lib/server/web/hooks/i18n';
import { enrolmentCookie } from '$lib/server/web/actions/two-factor';

/**
 * Ends the session on the server and asks the browser to forget everything of ours but the device
 * cookie, which lets the children who sign in on this browser in even while someone is guessing
 * at their passphrases: so not Clear-Site-Data's "cookies", but each other cookie by name.
 */
export const POST: RequestHandler = ({ locals, cookies, url }) => {
	const { session, user } = locals;
	if (session && user) {
		const db = getDb();
		invalidateSession(db, session.id);
		accessLog.record(db, {
			actor: user,
			action: 'sign-out',
			address: locals.address
		});
	}
	deleteSessionCookie(cookies, url);
	const secure = url.protocol === 'https:';
	for (const name of [languageCookie, easyReadCookie]) cookies.delete(name, { path: '/', secure });
	cookies.delete(enrolmentCookie, { path: '/two-factor', secure });
	return new Response(null, {
		status: 303,
		headers: {
			location: '/sign-in?signed-out',
			'clear-site-data': '"cache", "storage"'
		}
	});
};
