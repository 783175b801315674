import { expect, test } from './fixtures/test';
import { discoverOperations, pathFor } from './fixtures/routes';
import { expected, matrix } from './fixtures/matrix';
import { buildMatrixWorld, roles } from './fixtures/world';
import { baseURL } from './fixtures/env';
import { operationKey } from './fixtures/routes';

const origin = baseURL;

/** For each GET page, a role that may see it and the path to ask for. */
function viewablePages(world: ReturnType<typeof buildMatrixWorld>) {
	return discoverOperations()
		.filter((op) => op.kind === 'page')
		.flatMap((op) => {
			const role = roles.find((r) => expected(matrix[operationKey(op)]!, r, 'mine') === 'ok');
			// Pages that only ever redirect (the steps between sign-in and home) are covered elsewhere.
			if (!role) return [];
			const path = pathFor(op.routeId, world.paramsFor(role, 'mine', op.routeId));
			return [{ op, role, path }];
		});
}

test('every page sends the security headers, and signed-in pages are never cached', async ({
	request
}) => {
	const world = buildMatrixWorld();
	const pages = viewablePages(world);
	expect(pages.length).toBeGreaterThan(15);
	for (const { op, role, path } of pages) {
		const cookie = world.cookieFor(role);
		const response = await request.get(path, {
			headers: cookie ? { cookie } : {},
			maxRedirects: 0
		});
		expect(response.status(), path).toBe(200);
		const h = response.headers();
		const csp = h['content-security-policy'] ?? '';
		expect(csp, path).toContain("object-src 'none'");
		expect(csp, path).toContain("base-uri 'none'");
		expect(csp, path).toContain("frame-ancestors 'none'");
		const html = await response.text();
		// An inline script needs this response's nonce; a page with none (the reading pages, which
		// load only the page script from this site) needs none. Never 'unsafe-inline'.
		const inline = /<script(?![^>]*\ssrc=)[^>]*>/.test(html);
		if (op.routeId === '/(public)/offline') {
			// Prerendered plain HTML, served as a static file: its CSP is in a meta tag, and it runs
			// no inline script.
			expect(html).toMatch(/http-equiv="content-security-policy" content="[^"]*script-src 'self';/);
			expect(inline, path).toBe(false);
		} else {
			expect(csp, path).toMatch(/script-src 'self'/);
			expect(csp, path).not.toContain('unsafe-inline');
			if (inline) expect(csp, path).toMatch(/script-src 'self' 'nonce-/);
		}
		expect(h['x-content-type-options'], path).toBe('nosniff');
		expect(h['referrer-policy'], path).toBe('no-referrer');
		expect(h['permissions-policy'], path).toContain('camera=(self)');
		expect(h['permissions-policy'], path).toContain('microphone=(self)');
		expect(h['permissions-policy'], path).toContain('geolocation=()');
		expect(h['strict-transport-security'], path).toBeUndefined();
		if (op.routeId !== '/(public)/offline') expect(h['cache-control'], path).toBe('no-store');
		// The same data as JSON for client-side navigation: not cached either.
		if (op.routeId !== '/(public)/offline') {
			const data = await request.get(`${path.replace(/\/$/, '')}/__data.json`, {
				headers: cookie ? { cookie } : {}
			});
			expect(data.headers()['cache-control'], `${path}/__data.json`).toBe('no-store');
		}
	}
});

test('over HTTPS: HSTS, and a __Host- cookie that is Secure, HttpOnly and SameSite=Lax', async ({
	request
}) => {
	const https = { 'x-forwarded-proto': 'https' };
	const page = await request.get('/sign-in', { headers: https });
	expect(page.headers()['strict-transport-security']).toMatch(/max-age=\d{7,}/);
	const world = buildMatrixWorld();
	const name = world.w.child.account!.username;
	const { hashPassword } = await import('../src/lib/server/auth/password');
	const { user } = await import('../src/lib/server/db/schema');
	const { eq } = await import('drizzle-orm');
	const { e2eDb } = await import('./fixtures/server');
	e2eDb()
		.update(user)
		.set({ passwordHash: await hashPassword('green kite flying') })
		.where(eq(user.username, name))
		.run();
	const signIn = await request.post('/sign-in', {
		headers: { ...https, origin: origin.replace('http:', 'https:'), accept: 'text/html' },
		form: { username: name, password: 'green kite flying' },
		maxRedirects: 0
	});
	expect(signIn.status()).toBe(303);
	const setCookie = signIn.headers()['set-cookie'] ?? '';
	expect(setCookie).toMatch(/^__Host-waymark-session=[a-z0-9]+\.[a-z0-9]+;/);
	expect(setCookie).toContain('Path=/');
	expect(setCookie).toContain('HttpOnly');
	expect(setCookie).toContain('Secure');
	expect(setCookie).toContain('SameSite=Lax');
	expect(setCookie).not.toContain('Domain=');
});

test('anything that changes state is refused from another site, whatever its content type', async ({
	request
}) => {
	const world = buildMatrixWorld();
	const changing = discoverOperations().filter((op) => op.kind === 'action' || op.name === 'POST');
	expect(changing.length).toBeGreaterThan(10);
	const attempts: { name: string; headers: Record<string, string>; body: string; type: string }[] =
		[
			{
				name: 'evil origin, form',
				headers: { origin: 'https://evil.example' },
				body: 'a=1',
				type: 'application/x-www-form-urlencoded'
			},
			{
				name: 'evil origin, JSON',
				headers: { origin: 'https://evil.example' },
				body: '{"a":1}',
				type: 'application/json'
			},
			{
				name: 'evil origin, text',
				headers: { origin: 'https://evil.example' },
				body: 'a=1',
				type: 'text/plain'
			},
			{
				name: 'cross-site fetch',
				headers: { 'sec-fetch-site': 'cross-site', origin },
				body: 'a=1',
				type: 'application/x-www-form-urlencoded'
			},
			{
				name: 'sibling site',
				headers: { 'sec-fetch-site': 'same-site' },
				body: 'a=1',
				type: 'multipart/form-data; boundary=x'
			},
			{
				name: 'no origin at all',
				headers: {},
				body: 'a=1',
				type: 'application/x-www-form-urlencoded'
			}
		];
	for (const op of changing) {
		const path = pathFor(op.routeId, world.paramsFor('admin', 'mine', op.routeId));
		const url = op.kind === 'action' && op.name !== 'default' ? `${path}?/${op.name}` : path;
		for (const attempt of attempts) {
			const response = await request.post(url, {
				headers: {
					...attempt.headers,
					cookie: world.cookieFor('admin')!,
					'content-type': attempt.type
				},
				data: attempt.body,
				maxRedirects: 0
			});
			expect(response.status(), `${url}: ${attempt.name}`).toBe(403);
		}
	}
});

test("oversized and malformed input gets a clear message in the person's language and a 4xx", async ({
	request
}) => {
	const headers = { origin, 'accept-language': 'cy', accept: 'text/html' };
	const big = await request.post('/sign-in', {
		headers: { ...headers, 'content-type': 'application/x-www-form-urlencoded' },
		data: 'username=' + 'a'.repeat(600_000),
		maxRedirects: 0
	});
	expect(big.status()).toBe(413);
	expect(await big.text()).toContain('lang="cy"');
	const json = await request.post('/sign-in', {
		headers: { ...headers, 'content-type': 'application/json' },
		data: '{"username":"x"}'
	});
	expect(json.status()).toBe(415);
	const broken = await request.post('/sign-in', {
		headers: { ...headers, 'content-type': 'multipart/form-data; boundary=nothing-here' },
		data: '--wrong\r\ngarbage'
	});
	expect(broken.status()).toBe(400);
	const text = await broken.text();
	expect(text).toContain('lang="cy"');
	expect(text).not.toMatch(/at \w+ \(|node_modules|TypeError/);
});

test('a refused form keeps what was typed, and nothing saved is lost', async ({
	page,
	context
}) => {
	const world = buildMatrixWorld();
	await context.addCookies([
		{ name: 'waymark-session', value: world.cookieFor('manager')!.split('=')[1]!, url: baseURL }
	]);
	const childId = world.childFor('manager', 'mine');
	await page.goto(`/children/${childId}/profile`);
	await page.getByLabel('Pronouns').fill('they/them');
	await page.getByLabel('Religion').fill('Quaker');
	await page.getByRole('button', { name: 'Save details' }).click();
	await expect(page.getByRole('status')).toHaveText('Saved.');
	await page.getByLabel('Religion').fill('Buddhist');
	await page.getByLabel('Legal name').fill('');
	await page.getByLabel('Legal name').evaluate((el) => el.removeAttribute('required'));
	await page.getByRole('button', { name: 'Save details' }).click();
	await expect(page.getByRole('alert')).toContainText('Some answers need changing');
	await expect(page.getByLabel('Religion')).toHaveValue('Buddhist');
	// A fresh visit (a reload would let the browser restore what was typed).
	await page.goto(`/children/${childId}/profile`);
	await expect(page.getByLabel('Religion')).toHaveValue('Quaker');
	await expect(page.getByLabel('Pronouns')).toHaveValue('they/them');
});
