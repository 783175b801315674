import { describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { createTestDb } from '../test/db';
import { makeOrganisation, makeUser } from '../test/factories';
import { session, user } from '../db/schema';
import {
	absoluteLifetime,
	completeTwoFactor,
	createSession,
	idleTimeout,
	invalidateSession,
	validateSessionToken
} from './session';
import { changePassword } from '../accounts/password';
import { hashPassword } from './password';

const minute = 60_000;

function setup(role: 'child' | 'key_worker' = 'key_worker') {
	const db = createTestDb();
	const org = makeOrganisation(db);
	const person = makeUser(db, org.id, role);
	return { db, person };
}

describe('sessions', () => {
	it('stores only a SHA-256 of the secret, and the token carries at least 128 random bits', () => {
		const { db, person } = setup();
		const { token } = createSession(db, person.id, { twoFactorVerified: true });
		const [id, secret] = token.split('.');
		// base32: 5 bits a character.
		expect((id!.length + secret!.length) * 5).toBeGreaterThanOrEqual(128);
		expect(secret!.length * 5).toBeGreaterThanOrEqual(128);
		const row = db.select().from(session).get()!;
		expect(row.secretHash.length).toBe(32);
		expect(JSON.stringify(row)).not.toContain(secret);
		expect(validateSessionToken(db, token)?.user.id).toBe(person.id);
	});

	it('refuses a token whose secret is wrong, even by one character', () => {
		const { db, person } = setup();
		const { token } = createSession(db, person.id, { twoFactorVerified: true });
		const last = token.at(-1) === 'a' ? 'b' : 'a';
		expect(validateSessionToken(db, token.slice(0, -1) + last)).toBeNull();
		expect(validateSessionToken(db, token.split('.')[0]!)).toBeNull();
		expect(validateSessionToken(db, `${token}.extra`)).toBeNull();
	});

	it('gives each sign-in its own new session', () => {
		const { db, person } = setup();
		const a = createSession(db, person.id, { twoFactorVerified: true });
		const b = createSession(db, person.id, { twoFactorVerified: true });
		expect(a.token).not.toBe(b.token);
	});

	it('ends a staff session after 30 idle minutes', () => {
		const { db, person } = setup('key_worker');
		const start = new Date('2026-01-01T09:00:00Z');
		const { token } = createSession(db, person.id, { twoFactorVerified: true }, start);
		expect(idleTimeout.staff).toBe(30 * minute);
		const almost = new Date(start.getTime() + 29 * minute);
		expect(validateSessionToken(db, token, almost)).not.toBeNull();
		// Activity moved the idle clock on: 29 more minutes is still fine.
		expect(
			validateSessionToken(db, token, new Date(almost.getTime() + 29 * minute))
		).not.toBeNull();
		const idle = new Date(almost.getTime() + 29 * minute + 30 * minute);
		expect(validateSessionToken(db, token, idle)).toBeNull();
		expect(db.select().from(session).all()).toHaveLength(0);
	});

	it("gives a child's session 60 idle minutes", () => {
		const { db, person } = setup('child');
		const start = new Date('2026-01-01T09:00:00Z');
		const { token } = createSession(db, person.id, { twoFactorVerified: true }, start);
		expect(validateSessionToken(db, token, new Date(start.getTime() + 59 * minute))).not.toBeNull();
		const { token: other } = createSession(db, person.id, { twoFactorVerified: true }, start);
		expect(validateSessionToken(db, other, new Date(start.getTime() + 60 * minute))).toBeNull();
	});

	it('ends every session after 12 hours however active', () => {
		const { db, person } = setup('child');
		const start = new Date('2026-01-01T08:00:00Z');
		const { token } = createSession(db, person.id, { twoFactorVerified: true }, start);
		let now = start.getTime();
		while (now + 20 * minute < start.getTime() + absoluteLifetime) {
			now += 20 * minute;
			expect(validateSessionToken(db, token, new Date(now))).not.toBeNull();
		}
		expect(absoluteLifetime).toBe(12 * 60 * minute);
		expect(
			validateSessionToken(db, token, new Date(start.getTime() + absoluteLifetime))
		).toBeNull();
	});

	it('ends sessions at once when the account is disabled', () => {
		const { db, person } = setup();
		const { token } = createSession(db, person.id, { twoFactorVerified: true });
		db.update(user).set({ status: 'disabled' }).where(eq(user.id, person.id)).run();
		expect(validateSessionToken(db, token)).toBeNull();
	});

	it('ends a session on sign-out', () => {
		const { db, person } = setup();
		const { token, session: s } = createSession(db, person.id, { twoFactorVerified: true });
		invalidateSession(db, s.id);
		expect(validateSessionToken(db, token)).toBeNull();
	});

	it('ends every session of an account when its password changes, and starts one fresh', async () => {
		const { db, person } = setup('child');
		db.update(user)
			.set({ passwordHash: await hashPassword('old passphrase here') })
			.where(eq(user.id, person.id))
			.run();
		const elsewhere = createSession(db, person.id, { twoFactorVerified: true });
		const here = createSession(db, person.id, { twoFactorVerified: true });
		const current = validateSessionToken(db, here.token)!;
		const { token } = await changePassword(
			db,
			current.user,
			{
				current: 'old passphrase here',
				next: 'purple giraffe dances',
				confirm: 'purple giraffe dances'
			},
			null
		);
		expect(validateSessionToken(db, elsewhere.token)).toBeNull();
		expect(validateSessionToken(db, here.token)).toBeNull();
		expect(validateSessionToken(db, token)?.user.id).toBe(person.id);
	});

	it('gives a new token when the second factor is done: the one from before it no longer works', () => {
		const { db, person } = setup('key_worker');
		const before = createSession(db, person.id, { twoFactorVerified: false });
		expect(validateSessionToken(db, before.token)?.session.twoFactorVerified).toBe(false);
		const after = completeTwoFactor(db, before.session);
		expect(after.token).not.toBe(before.token);
		expect(after.session.id).not.toBe(before.session.id);
		expect(validateSessionToken(db, before.token)).toBeNull();
		const valid = validateSessionToken(db, after.token)!;
		expect(valid.user.id).toBe(person.id);
		expect(valid.session.twoFactorVerified).toBe(true);
	});
});
