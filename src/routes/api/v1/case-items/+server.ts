import { json } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { getDb } from '$lib/server/db';
import { bearerToken, integrationFor } from '$lib/server/integrations/tokens';
import { BadCursor, changedItems, maxLimit } from '$lib/server/integrations/pull';

const noStore = { 'cache-control': 'no-store' };

function refuse(status: number, error: string, headers: Record<string, string> = {}) {
	return json({ error }, { status, headers: { ...noStore, ...headers } });
}

/**
 * The case system's read-only pull API (docs/case-item.md). A bearer token, never the session
 * cookie: a browser signed in to Waymark gets nothing here.
 */
export const GET: RequestHandler = ({ request, url, locals }) => {
	const db = getDb();
	const token = bearerToken(request.headers.get('authorization'));
	const integration = token ? integrationFor(db, token) : null;
	if (!integration) {
		const challenge = token ? 'Bearer error="invalid_token"' : 'Bearer';
		return refuse(401, 'unauthorized', { 'www-authenticate': challenge });
	}
	const limitText = url.searchParams.get('limit') ?? '50';
	const limit = /^\d{1,3}$/.test(limitText) ? Number(limitText) : 0;
	if (limit < 1 || limit > maxLimit) return refuse(400, 'invalid_limit');
	try {
		const page = changedItems(db, integration, {
			cursor: url.searchParams.get('cursor') || null,
			limit,
			address: locals.address
		});
		return json(page, { headers: noStore });
	} catch (e) {
		if (e instanceof BadCursor) return refuse(400, 'invalid_cursor');
		throw e;
	}
};
