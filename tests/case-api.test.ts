import fs from 'node:fs';
import path from 'node:path';
import { eq } from 'drizzle-orm';
import { expect, test } from './fixtures/test';
import { e2eDb, sessionCookie, userIdOf } from './fixtures/server';
import { dataDir } from './fixtures/env';
import { user } from '../src/lib/server/db/schema';
import { actorFor } from '../src/lib/server/test/factories';
import {
	createIntegrationToken,
	revokeIntegrationToken
} from '../src/lib/server/integrations/tokens';

test('the case-system API answers a bearer token, never a browser session, and not once revoked', async ({
	request,
	newContext
}) => {
	const admin = e2eDb().select().from(user).where(eq(user.username, 'robin.admin')).get()!;
	const actor = actorFor(e2eDb(), admin);
	const { id, token } = createIntegrationToken(e2eDb(), actor, 'Mosaic test', null);
	const auth = { authorization: `Bearer ${token}` };

	const ok = await request.get('/api/v1/case-items?limit=2', { headers: auth });
	expect(ok.status()).toBe(200);
	expect(ok.headers()['cache-control']).toBe('no-store');
	const body = await ok.json();
	expect(Array.isArray(body.items)).toBe(true);
	expect(body.items.length).toBeLessThanOrEqual(2);
	// The demo's answered disagreement settled long ago: the case system sees it.
	let all: { kind: string }[] = [...body.items];
	let cursor = body.nextCursor;
	for (let more = body.hasMore; more;) {
		const next = await (
			await request.get(`/api/v1/case-items?limit=2&cursor=${cursor}`, { headers: auth })
		).json();
		all = all.concat(next.items);
		cursor = next.nextCursor;
		more = next.hasMore;
	}
	expect(all.some((i) => i.kind === 'disagreement')).toBe(true);
	// Maya is told, in plain words, that the case system copied her things.
	const maya = await newContext();
	await maya.addCookies([sessionCookie(userIdOf('maya'))]);
	const page = await maya.newPage();
	await page.goto('/me/who-looked');
	// Once for each call that carried her things away (this test pages two at a time).
	await expect(
		page
			.getByText("The council's computer (Mosaic test) put some things about you in your file.")
			.first()
	).toBeVisible();

	expect((await request.get('/api/v1/case-items')).status()).toBe(401);
	expect(
		(
			await request.get('/api/v1/case-items', { headers: { authorization: 'Bearer wmk_nope' } })
		).status()
	).toBe(401);
	expect((await request.get('/api/v1/case-items?limit=0', { headers: auth })).status()).toBe(400);

	// The newest signed checkpoint, for the case system to keep as a copy outside Waymark: the same
	// as the last line of the operator's append-only file.
	const copy = await (await request.get('/api/v1/checkpoint', { headers: auth })).json();
	const outside = fs.readFileSync(path.join(dataDir, 'checkpoints.log'), 'utf8').trim().split('\n');
	expect(copy.checkpoint).toEqual(JSON.parse(outside.at(-1)!));
	expect((await request.get('/api/v1/checkpoint')).status()).toBe(401);

	revokeIntegrationToken(e2eDb(), actor, id, null);
	const revoked = await request.get('/api/v1/case-items', { headers: auth });
	expect(revoked.status()).toBe(401);
	expect(revoked.headers()['www-authenticate']).toContain('Bearer');
});
