import type { RequestHandler } from './$types';
import { getDb } from '$lib/server/db';
import * as accessLog from '$lib/server/audit/access-log';
import { invalidateSession } from '$lib/server/auth/session';
import { deleteSessionCookie } from '$lib/server/auth/cookie';

/** Ends the session on the server and asks the browser to forget everything of ours. */
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
	return new Response(null, {
		status: 303,
		headers: {
			location: '/sign-in?signed-out',
			'clear-site-data': '"cache", "cookies", "storage"'
		}
	});
};
