import { describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { createTestDb } from '../test/db';
import { makeChild, makeOrganisation, makeUser } from '../test/factories';
import { accessLog, user } from '../db/schema';
import type { Db } from '../db';
import { hashPassword } from './password';
import { signInWithCode, signInWithPassword } from './sign-in';
import { createSignInCode } from './sign-in-code';
import { validateSessionToken } from './session';

const address = '203.0.113.7';

async function withPassword(db: Db, role: 'child' | 'key_worker', password: string) {
	const org = makeOrganisation(db);
	const person = makeUser(db, org.id, role, { passwordHash: await hashPassword(password) });
	return person;
}

describe('sign-in', () => {
	it('answers an unknown username exactly as a wrong password, and logs both', async () => {
		const db = createTestDb();
		const person = await withPassword(db, 'child', 'blue whale song');
		const now = new Date('2026-05-01T10:00:00Z');
		const wrong = await signInWithPassword(
			db,
			{ username: person.username, password: 'nope nope', address },
			now
		);
		const unknown = await signInWithPassword(
			db,
			{ username: 'nobody-here', password: 'nope nope', address },
			now
		);
		expect(wrong).toEqual({ outcome: 'invalid' });
		expect(unknown).toEqual(wrong);
		const rows = db.select().from(accessLog).all();
		expect(rows.map((r) => r.action)).toEqual(['sign-in-failed', 'sign-in-failed']);
		expect(rows[0]!.actorUserId).toBe(person.id);
		expect(rows.every((r) => r.address === address)).toBe(true);
	});

	it('signs in with the right password, case-insensitive username, and logs it', async () => {
		const db = createTestDb();
		const person = await withPassword(db, 'child', 'blue whale song');
		const result = await signInWithPassword(db, {
			username: ` ${person.username.toUpperCase()} `,
			password: 'blue whale song',
			address
		});
		expect(result.outcome).toBe('signed-in');
		if (result.outcome !== 'signed-in') return;
		expect(validateSessionToken(db, result.token)?.user.id).toBe(person.id);
		expect(
			db
				.select()
				.from(accessLog)
				.all()
				.map((r) => r.action)
		).toEqual(['sign-in']);
	});

	it('leaves a staff session waiting for the second factor', async () => {
		const db = createTestDb();
		const person = await withPassword(db, 'key_worker', 'a long staff password');
		const result = await signInWithPassword(db, {
			username: person.username,
			password: 'a long staff password',
			address
		});
		expect(result.outcome).toBe('signed-in');
		if (result.outcome !== 'signed-in') return;
		expect(validateSessionToken(db, result.token)?.session.twoFactorVerified).toBe(false);
	});

	it('refuses a disabled account with the same answer', async () => {
		const db = createTestDb();
		const person = await withPassword(db, 'child', 'blue whale song');
		db.update(user).set({ status: 'disabled' }).where(eq(user.id, person.id)).run();
		const result = await signInWithPassword(db, {
			username: person.username,
			password: 'blue whale song',
			address
		});
		expect(result).toEqual({ outcome: 'invalid' });
	});

	it('never writes a password or code into the access log', async () => {
		const db = createTestDb();
		const org = makeOrganisation(db);
		const { account } = makeChild(db, org.id);
		const worker = makeUser(db, org.id, 'key_worker');
		const { code } = createSignInCode(db, account!.id, worker.id);
		await signInWithPassword(db, {
			username: account!.username,
			password: 'secret-typed-here',
			address
		});
		await signInWithPassword(db, { username: 'secret-in-username-box', password: 'x1', address });
		const ok = await signInWithCode(db, { username: account!.username, code, address });
		expect(ok.outcome).toBe('signed-in');
		const dump = JSON.stringify(db.select().from(accessLog).all());
		for (const secret of [
			'secret-typed-here',
			'secret-in-username-box',
			code,
			code.replace('-', '')
		]) {
			expect(dump).not.toContain(secret);
		}
		if (ok.outcome === 'signed-in') expect(dump).not.toContain(ok.token.split('.')[1]);
	});
});

describe('sign-in codes', () => {
	function setup() {
		const db = createTestDb();
		const org = makeOrganisation(db);
		const { account } = makeChild(db, org.id);
		const worker = makeUser(db, org.id, 'key_worker');
		return { db, child: account!, worker };
	}

	it('work once', async () => {
		const { db, child, worker } = setup();
		const { code } = createSignInCode(db, child.id, worker.id);
		const first = await signInWithCode(db, { username: child.username, code, address });
		expect(first.outcome).toBe('signed-in');
		if (first.outcome === 'signed-in') {
			expect(validateSessionToken(db, first.token)?.session.viaSignInCode).toBe(true);
		}
		expect(await signInWithCode(db, { username: child.username, code, address })).toEqual({
			outcome: 'invalid'
		});
	});

	it('accept lower case and no dash', async () => {
		const { db, child, worker } = setup();
		const { code } = createSignInCode(db, child.id, worker.id);
		const typed = code.replace('-', '').toLowerCase();
		expect(
			(await signInWithCode(db, { username: child.username, code: typed, address })).outcome
		).toBe('signed-in');
	});

	it('expire after 10 minutes', async () => {
		const { db, child, worker } = setup();
		const made = new Date('2026-05-01T10:00:00Z');
		const { code } = createSignInCode(db, child.id, worker.id, made);
		const late = new Date(made.getTime() + 10 * 60_000);
		expect(await signInWithCode(db, { username: child.username, code, address }, late)).toEqual({
			outcome: 'invalid'
		});
		const { code: fresh } = createSignInCode(db, child.id, worker.id, made);
		const inTime = new Date(made.getTime() + 9 * 60_000);
		expect(
			(await signInWithCode(db, { username: child.username, code: fresh, address }, inTime)).outcome
		).toBe('signed-in');
	});

	it('stop working when a newer one is made', async () => {
		const { db, child, worker } = setup();
		const { code: old } = createSignInCode(db, child.id, worker.id);
		createSignInCode(db, child.id, worker.id);
		expect(await signInWithCode(db, { username: child.username, code: old, address })).toEqual({
			outcome: 'invalid'
		});
	});

	it('are for children and care leavers only', async () => {
		const { db, worker } = setup();
		const { code } = createSignInCode(db, worker.id, worker.id);
		expect(await signInWithCode(db, { username: worker.username, code, address })).toEqual({
			outcome: 'invalid'
		});
	});
});
