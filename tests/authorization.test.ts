import { expect, test } from './fixtures/test';
import { discoverOperations, operationKey, pathFor, type Operation } from './fixtures/routes';
import { expected, matrix, type Outcome } from './fixtures/matrix';
import { buildMatrixWorld, relations, roles, type MatrixRole } from './fixtures/world';

const pendingSteps = ['/sign-in', '/two-factor', '/passphrase', '/account/password'];

function classify(status: number, location: string | null, role: MatrixRole): Outcome | 'leak?' {
	if (status === 401 || status === 403 || status === 404) return 'deny';
	if (status === 303 || status === 302 || status === 307) {
		const path = location ? new URL(location, 'http://x').pathname : '';
		const toStep = pendingSteps.some((step) => path === step || path.startsWith(`${step}/`));
		// A person who is not signed in, or not finished signing in, sent to the step they lack.
		if (toStep && (role === 'signed_out' || role === 'disabled' || role === 'pending'))
			return 'deny';
		return 'redirect';
	}
	if (status === 200 || status === 400) return 'ok';
	return 'leak?';
}

test('every route and action has a row in the authorization matrix, and no row is stale', () => {
	const discovered = discoverOperations().map(operationKey);
	const missing = discovered.filter((key) => !(key in matrix));
	const stale = Object.keys(matrix).filter((key) => !discovered.includes(key));
	expect({ missing, stale }).toEqual({ missing: [], stale: [] });
});

test('every role, against own, assigned and other children: 0 leaks and 0 wrongful refusals', async ({
	request
}) => {
	// About 2 minutes on a quiet machine; room for the other worker's tests beside it.
	test.setTimeout(360_000);
	const world = buildMatrixWorld();
	const operations = discoverOperations();
	const wrong: string[] = [];
	let checks = 0;

	async function check(
		op: Operation,
		role: MatrixRole,
		relation: (typeof relations)[number] | null
	) {
		const path = pathFor(op.routeId, world.paramsFor(role, relation ?? 'mine', op.routeId));
		const cookie = world.cookieFor(role);
		// accept: text/html, as a browser's form post: SvelteKit answers other clients with JSON.
		const headers: Record<string, string> = { origin: world.baseURL, accept: 'text/html' };
		if (cookie) headers.cookie = cookie;
		const url = op.kind === 'action' && op.name !== 'default' ? `${path}?/${op.name}` : path;
		const method = op.kind === 'page' ? 'GET' : op.name === 'GET' ? 'GET' : 'POST';
		const response =
			method === 'GET'
				? await request.get(url, { headers, maxRedirects: 0 })
				: await request.post(url, { headers, form: { probe: '1' }, maxRedirects: 0 });
		const got = classify(response.status(), response.headers()['location'] ?? null, role);
		const want = expected(matrix[operationKey(op)]!, role, relation);
		checks++;
		if (got !== want) {
			wrong.push(
				`${operationKey(op)} as ${role}${relation ? `:${relation}` : ''}: expected ${want}, got ${got} (${response.status()} ${response.headers()['location'] ?? ''})`
			);
		}
		// SvelteKit's data endpoint must refuse exactly what the page refuses.
		if (op.kind === 'page' && want === 'deny' && op.routeId !== '/(public)/offline') {
			const data = await request.get(`${path.replace(/\/$/, '')}/__data.json`, {
				headers,
				maxRedirects: 0
			});
			const body = data.status() === 200 ? await data.text() : '';
			const refused = data.status() !== 200 || /"type":"(error|redirect)"/.test(body);
			if (!refused) wrong.push(`${path}/__data.json as ${role}: data served to someone refused`);
		}
	}

	for (const op of operations) {
		const hasParam = /\[(childId|userId|entryId|mediaId|disagreementId)/.test(op.routeId);
		for (const role of roles) {
			for (const relation of hasParam ? relations : [null]) await check(op, role, relation);
		}
	}
	expect(wrong).toEqual([]);
	expect(checks).toBeGreaterThan(operations.length * roles.length);
});
