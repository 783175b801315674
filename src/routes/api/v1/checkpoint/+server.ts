import { json } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { getDb } from '$lib/server/db';
import { bearerToken, integrationFor } from '$lib/server/integrations/tokens';
import { checkpointCopy } from '$lib/server/record/chain';

const noStore = { 'cache-control': 'no-store' };

/**
 * The newest signed checkpoint (id, when, MAC: no record content), for a case system to keep as
 * one more copy outside Waymark's database (docs/security.md). The same bearer token as case items.
 */
export const GET: RequestHandler = ({ request }) => {
	const db = getDb();
	const token = bearerToken(request.headers.get('authorization'));
	if (!token || !integrationFor(db, token)) {
		const challenge = token ? 'Bearer error="invalid_token"' : 'Bearer';
		return json(
			{ error: 'unauthorized' },
			{ status: 401, headers: { ...noStore, 'www-authenticate': challenge } }
		);
	}
	return json({ checkpoint: checkpointCopy(db) }, { headers: noStore });
};
