import { describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { createTestDb } from '../test/db';
import { actorFor, makeWorld } from '../test/factories';
import { accessLog, integrationToken } from '../db/schema';
import { AccessDenied } from '../access';
import {
	bearerToken,
	createIntegrationToken,
	integrationFor,
	listIntegrationTokens,
	revokeIntegrationToken
} from './tokens';

function setup() {
	const db = createTestDb();
	const w = makeWorld(db);
	return { db, w, admin: actorFor(db, w.admin), otherAdmin: actorFor(db, w.otherOrgAdmin) };
}

describe('integration tokens', () => {
	it('are shown once and stored only as a hash, for the organisation of the admin who made them', () => {
		const { db, w, admin } = setup();
		const made = createIntegrationToken(db, admin, 'Mosaic live', '10.0.0.1');
		expect(made.token).toMatch(/^wmk_[a-z2-7]{52}$/);
		const stored = db.select().from(integrationToken).all();
		expect(stored).toHaveLength(1);
		expect(stored[0]).toMatchObject({ id: made.id, organisationId: w.org.id, lastUsedAt: null });
		expect(stored[0]!.tokenHash).toMatch(/^[0-9a-f]{64}$/);
		expect(
			JSON.stringify(db.$client.prepare('SELECT * FROM integration_token').all())
		).not.toContain(made.token.slice(4));
		const now = new Date('2025-06-01T12:00:00Z');
		expect(integrationFor(db, made.token, now)).toEqual({
			tokenId: made.id,
			organisationId: w.org.id,
			name: 'Mosaic live'
		});
		const used = db.select().from(integrationToken).where(eq(integrationToken.id, made.id)).get();
		expect(used!.lastUsedAt).toEqual(now);
	});

	it('are made, listed and revoked by administrators only, each in their own organisation', () => {
		const { db, w, admin, otherAdmin } = setup();
		for (const user of [w.manager, w.keyWorker, w.child.account!]) {
			expect(() => createIntegrationToken(db, actorFor(db, user), 'x', null)).toThrow(AccessDenied);
			expect(() => listIntegrationTokens(db, actorFor(db, user))).toThrow(AccessDenied);
		}
		const ours = createIntegrationToken(db, admin, 'Ours', null);
		const theirs = createIntegrationToken(db, otherAdmin, 'Theirs', null);
		const listed = listIntegrationTokens(db, admin);
		expect(listed.map((t) => t.name)).toEqual(['Ours']);
		expect(Object.keys(listed[0]!).sort()).toEqual(
			['createdAt', 'createdBy', 'expiresAt', 'id', 'lastUsedAt', 'name', 'revokedAt'].sort()
		);
		expect(() => revokeIntegrationToken(db, admin, theirs.id, null)).toThrow(AccessDenied);
		expect(() => revokeIntegrationToken(db, actorFor(db, w.manager), ours.id, null)).toThrow(
			AccessDenied
		);
		expect(integrationFor(db, theirs.token)).not.toBeNull();
	});

	it('stop working once revoked, and both steps are in the access log', () => {
		const { db, w, admin } = setup();
		const { id, token } = createIntegrationToken(db, admin, 'Eclipse', '10.0.0.2');
		revokeIntegrationToken(db, admin, id, '10.0.0.2', new Date('2025-06-02T09:00:00Z'));
		revokeIntegrationToken(db, admin, id, '10.0.0.2', new Date('2025-06-03T09:00:00Z'));
		expect(integrationFor(db, token)).toBeNull();
		expect(listIntegrationTokens(db, admin)[0]!.revokedAt).toEqual(
			new Date('2025-06-02T09:00:00Z')
		);
		const logged = db
			.select({ action: accessLog.action, actor: accessLog.actorUserId })
			.from(accessLog)
			.all();
		expect(logged).toEqual([
			{ action: 'integration-token-created', actor: w.admin.id },
			{ action: 'integration-token-revoked', actor: w.admin.id }
		]);
	});

	it('end a year after they are made, or sooner when the administrator chooses', () => {
		const { db, admin } = setup();
		const made = new Date('2026-01-10T09:00:00Z');
		const year = createIntegrationToken(db, admin, 'Mosaic live', null, made);
		expect(year.expiresAt).toEqual(new Date('2027-01-10T09:00:00Z'));
		expect(integrationFor(db, year.token, new Date('2027-01-10T08:59:59Z'))).not.toBeNull();
		expect(integrationFor(db, year.token, new Date('2027-01-10T09:00:00Z'))).toBeNull();
		const short = createIntegrationToken(
			db,
			admin,
			'Trial',
			null,
			new Date(made.getTime() + 1),
			90
		);
		expect(integrationFor(db, short.token, new Date('2026-04-11T09:00:00Z'))).toBeNull();
		expect(listIntegrationTokens(db, admin).map((t) => t.expiresAt)).toEqual([
			short.expiresAt,
			year.expiresAt
		]);
	});

	it('refuse anything that is not a live token', () => {
		const { db, admin } = setup();
		const { token } = createIntegrationToken(db, admin, 'CareFirst', null);
		const forged = token.slice(0, -1) + (token.endsWith('a') ? 'b' : 'a');
		for (const bearer of ['', 'wmk_', forged, token.toUpperCase(), `${token} `, token.slice(4)]) {
			expect(integrationFor(db, bearer)).toBeNull();
		}
	});

	it('are read from an Authorization: Bearer header only', () => {
		expect(bearerToken('Bearer wmk_abc')).toBe('wmk_abc');
		expect(bearerToken('bearer  wmk_abc')).toBe('wmk_abc');
		for (const header of [null, '', 'Basic wmk_abc', 'Bearer', 'Bearer a b', 'wmk_abc']) {
			expect(bearerToken(header)).toBeNull();
		}
	});
});
