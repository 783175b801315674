import { describe, expect, it, vi } from 'vitest';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { eq } from 'drizzle-orm';
import { createTestDb } from '../test/db';
import { makeChild, makeOrganisation, makeUser } from '../test/factories';
import { signInAttempt } from '../db/schema';
import { openDatabase, type Db } from '../db';
import { hashPassword } from './password';
import { signInWithCode, signInWithPassword, type SignInResult } from './sign-in';
import { createSignInCode } from './sign-in-code';
import { accountPolicy, addressPolicy, devicePolicy, throttleKey } from './throttle';

/** Every check of a passphrase, counted: what "evaluated" means below. */
const argon2 = vi.hoisted(() => ({ checks: 0 }));
vi.mock('./password', async (original) => {
	const actual = await original<typeof import('./password')>();
	return {
		...actual,
		verifyPassword: (hash: string, password: string) => {
			argon2.checks++;
			return actual.verifyPassword(hash, password);
		},
		verifyAgainstNothing: (password: string) => {
			argon2.checks++;
			return actual.verifyAgainstNothing(password);
		}
	};
});

const home = '203.0.113.7';
const passphrase = 'blue whale song';
const start = new Date('2026-05-01T10:00:00Z').getTime();
const at = (ms: number) => new Date(start + ms);
const minute = 60_000;
const slow = { timeout: 120_000 };

async function child(db: Db) {
	const org = makeOrganisation(db);
	return makeUser(db, org.id, 'child', { passwordHash: await hashPassword(passphrase) });
}

/** A browser: its address and its device cookie, which it keeps from each sign-in. */
function browser(db: Db, address = home) {
	const self = {
		device: undefined as string | undefined,
		async signIn(username: string, password: string, now: Date): Promise<SignInResult> {
			const result = await signInWithPassword(
				db,
				{ username, password, address, device: self.device },
				now
			);
			if (result.outcome === 'signed-in') self.device = result.device;
			return result;
		}
	};
	return self;
}

/** A browser that has signed in to this account once before. */
async function knownBrowser(db: Db, username: string, now = at(-minute)) {
	const b = browser(db);
	expect((await b.signIn(username, passphrase, now)).outcome).toBe('signed-in');
	return b;
}

const outcomes = (results: SignInResult[]) => results.map((r) => r.outcome);
const count = (results: SignInResult[], outcome: SignInResult['outcome']) =>
	results.filter((r) => r.outcome === outcome).length;

describe('browsers that never signed in to the account', () => {
	it('evaluate at most 100 of 1,000 wrong passphrases in an hour', slow, async () => {
		const db = createTestDb();
		const person = await child(db);
		argon2.checks = 0;
		const results: SignInResult[] = [];
		// An attacker tries every 3 seconds, from many addresses, for 50 minutes.
		for (let i = 0; i < 1000; i++) {
			const address = `198.51.100.${i % 250}`;
			results.push(await browser(db, address).signIn(person.username, `guess-${i}`, at(i * 3000)));
		}
		expect(count(results, 'signed-in')).toBe(0);
		expect(count(results, 'invalid')).toBe(argon2.checks);
		expect(argon2.checks).toBeLessThanOrEqual(accountPolicy.perHour);
		expect(argon2.checks).toBeGreaterThan(accountPolicy.free);
		// The attacker stops; after the longest delay the real person signs in, even on a new browser.
		const after = at(999 * 3000 + accountPolicy.maxDelay);
		expect((await browser(db).signIn(person.username, passphrase, after)).outcome).toBe(
			'signed-in'
		);
	});

	it('are never locked out for good: the delay has a ceiling', slow, async () => {
		const db = createTestDb();
		const person = await child(db);
		for (let i = 0; i < 40; i++) {
			await browser(db).signIn(person.username, `guess-${i}`, at(i * accountPolicy.maxDelay));
		}
		const result = await browser(db).signIn(
			person.username,
			passphrase,
			at(40 * accountPolicy.maxDelay)
		);
		expect(result.outcome).toBe('signed-in');
	});

	it('are throttled the same way for an unknown username', async () => {
		const db = createTestDb();
		const results = [];
		for (let i = 0; i <= accountPolicy.free; i++) {
			results.push(await browser(db).signIn('nobody', `g${i}`, at(0)));
		}
		expect(outcomes(results).at(-1)).toBe('throttled');
	});

	it('have 30 guesses sent at once counted together: only the free ones are evaluated', async () => {
		const db = createTestDb();
		const person = await child(db);
		argon2.checks = 0;
		const results = await Promise.all(
			Array.from({ length: 30 }, (_, i) =>
				browser(db, `198.51.100.${i}`).signIn(person.username, `guess-${i}`, at(0))
			)
		);
		expect(argon2.checks).toBe(accountPolicy.free);
		expect(count(results, 'invalid')).toBe(accountPolicy.free);
		expect(count(results, 'throttled')).toBe(30 - accountPolicy.free);
		const recorded = db
			.select()
			.from(signInAttempt)
			.where(eq(signInAttempt.key, throttleKey.account(person.username)))
			.all();
		expect(recorded).toHaveLength(accountPolicy.free);
	});

	it('survive a restart: the state is in the database', async () => {
		const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'waymark-throttle-'));
		const file = path.join(dir, 'waymark.db');
		let db = openDatabase(file);
		const person = await child(db);
		for (let i = 0; i < accountPolicy.free; i++) {
			await browser(db).signIn(person.username, `g${i}`, at(0));
		}
		db.$client.close();
		db = openDatabase(file);
		expect((await browser(db).signIn(person.username, passphrase, at(0))).outcome).toBe(
			'throttled'
		);
		db.$client.close();
		fs.rmSync(dir, { recursive: true, force: true });
	});
});

describe('a browser with a device cookie for the account', () => {
	it('is never held back by unknown browsers, nor uses up their allowance', async () => {
		const db = createTestDb();
		const person = await child(db);
		const own = await knownBrowser(db, person.username);
		const stranger = browser(db, '198.51.100.1');
		for (let i = 0; i <= accountPolicy.free; i++) {
			await stranger.signIn(person.username, `guess-${i}`, at(0));
		}
		expect((await stranger.signIn(person.username, passphrase, at(0))).outcome).toBe('throttled');
		expect((await own.signIn(person.username, passphrase, at(0))).outcome).toBe('signed-in');

		// The other way round: the device's own mistakes leave unknown browsers their allowance.
		const db2 = createTestDb();
		const other = await child(db2);
		const mine = await knownBrowser(db2, other.username);
		for (let i = 0; i < devicePolicy.free; i++) {
			expect((await mine.signIn(other.username, `oops-${i}`, at(0))).outcome).toBe('invalid');
		}
		expect((await mine.signIn(other.username, passphrase, at(0))).outcome).toBe('throttled');
		expect((await browser(db2).signIn(other.username, 'oops', at(0))).outcome).toBe('invalid');
	});

	it('has its own allowance: free tries, then doubling delays, then no trust', slow, async () => {
		const db = createTestDb();
		const person = await child(db);
		const own = await knownBrowser(db, person.username);
		const stolen = { ...own };
		// Someone guesses with a copy of the cookie, whenever the device's delay allows.
		let now = 0;
		let evaluated = 0;
		while (evaluated < devicePolicy.perHour) {
			const result = await signInWithPassword(
				db,
				{
					username: person.username,
					password: `guess-${now}`,
					address: '198.51.100.1',
					device: stolen.device
				},
				at(now)
			);
			if (result.outcome === 'invalid') evaluated++;
			now = result.outcome === 'throttled' ? result.retryAt.getTime() - start : now + 1;
		}
		// Five free, then waits of 1, 2, 4, 8 and 16 seconds.
		expect(now).toBeGreaterThanOrEqual(31_000);
		expect(now).toBeLessThan(32_000);
		// From now on the cookie counts for nothing: its attempts are an unknown browser's...
		const rows = () =>
			db
				.select()
				.from(signInAttempt)
				.where(eq(signInAttempt.key, throttleKey.account(person.username)))
				.all()
				.filter((r) => !r.succeeded).length;
		expect(rows()).toBe(0);
		expect((await own.signIn(person.username, 'one more', at(now))).outcome).toBe('invalid');
		expect(rows()).toBe(1);
		// ...so an attacker holding the unknown browsers back holds this one back too.
		for (let i = 0; i < accountPolicy.free; i++) {
			await browser(db, '198.51.100.2').signIn(person.username, `g${i}`, at(now));
		}
		expect((await own.signIn(person.username, passphrase, at(now))).outcome).toBe('throttled');
		// An hour on, it is trusted again: a child who forgot her passphrase is not shut out for good.
		const later = now + 60 * minute;
		for (let i = 0; i < accountPolicy.free; i++) {
			await browser(db, '198.51.100.2').signIn(person.username, `h${i}`, at(later));
		}
		expect((await own.signIn(person.username, passphrase, at(later))).outcome).toBe('signed-in');
	});

	it('has 30 guesses sent at once with it counted together too', async () => {
		const db = createTestDb();
		const person = await child(db);
		const own = await knownBrowser(db, person.username);
		argon2.checks = 0;
		const results = await Promise.all(
			Array.from({ length: 30 }, (_, i) =>
				signInWithPassword(
					db,
					{ username: person.username, password: `g${i}`, address: home, device: own.device },
					at(0)
				)
			)
		);
		expect(argon2.checks).toBe(devicePolicy.free);
		expect(count(results, 'invalid')).toBe(devicePolicy.free);
	});

	it('comes from a sign-in code as from a passphrase, and serves both', async () => {
		const db = createTestDb();
		const org = makeOrganisation(db);
		const { account } = makeChild(db, org.id);
		const worker = makeUser(db, org.id, 'key_worker');
		const username = account!.username;
		const first = await signInWithCode(
			db,
			{ username, code: createSignInCode(db, account!.id, worker.id, at(0)).code, address: home },
			at(0)
		);
		expect(first.outcome).toBe('signed-in');
		const device = first.outcome === 'signed-in' ? first.device : undefined;
		for (let i = 0; i <= accountPolicy.free; i++) {
			await browser(db, '198.51.100.1').signIn(username, `guess-${i}`, at(minute));
		}
		const code = () => createSignInCode(db, account!.id, worker.id, at(minute)).code;
		const fromStranger = await signInWithCode(
			db,
			{ username, code: code(), address: home },
			at(minute)
		);
		expect(fromStranger.outcome).toBe('throttled');
		const fromOwn = await signInWithCode(
			db,
			{ username, code: code(), address: home, device },
			at(minute)
		);
		expect(fromOwn.outcome).toBe('signed-in');
	});
});

describe('children of one home, at one address', () => {
	it('get in, every time, while someone guesses at one of them all hour', slow, async () => {
		const db = createTestDb();
		const maya = await child(db);
		const sam = await child(db);
		const tablet = await knownBrowser(db, maya.username);
		const samsPhone = await knownBrowser(db, sam.username);
		// The attacker is on the home's Wi-Fi, and guesses again the moment the delay is over.
		const attacker = browser(db, home);
		let attackAt = 0;
		let attackerEvaluated = 0;
		const visits = Array.from({ length: 12 }, (_, i) => (i + 1) * 5 * minute - 1);
		let mayaIn = 0;
		let samIn = 0;
		for (const visit of visits) {
			while (attackAt <= visit) {
				const result = await attacker.signIn(maya.username, `guess-${attackAt}`, at(attackAt));
				if (result.outcome === 'invalid') attackerEvaluated++;
				attackAt = result.outcome === 'throttled' ? result.retryAt.getTime() - start : attackAt + 1;
			}
			if ((await tablet.signIn(maya.username, passphrase, at(visit))).outcome === 'signed-in')
				mayaIn++;
			if ((await samsPhone.signIn(sam.username, passphrase, at(visit))).outcome === 'signed-in')
				samIn++;
		}
		expect(mayaIn).toBe(12);
		expect(samIn).toBe(12);
		expect(attackerEvaluated).toBeGreaterThan(accountPolicy.free);
		expect(attackerEvaluated).toBeLessThanOrEqual(accountPolicy.perHour);
		// The attack is real: right after a guess, Maya on a browser that does not know her waits.
		expect((await attacker.signIn(maya.username, 'guess', at(attackAt))).outcome).toBe('invalid');
		const elsewhere = await browser(db).signIn(maya.username, passphrase, at(attackAt));
		expect(elsewhere.outcome).toBe('throttled');
		// A third child, signing in on a new browser at the same address, is not.
		const ali = await child(db);
		expect((await browser(db).signIn(ali.username, passphrase, at(60 * minute))).outcome).toBe(
			'signed-in'
		);
	});

	it("are not held back by one child's mistakes", async () => {
		const db = createTestDb();
		const maya = await child(db);
		const sam = await child(db);
		for (let i = 0; i < 20; i++) await browser(db).signIn(maya.username, `oops-${i}`, at(0));
		expect((await browser(db).signIn(sam.username, passphrase, at(0))).outcome).toBe('signed-in');
	});

	it('share a cap on failures from unknown browsers, which their own browsers do not meet', async () => {
		const db = createTestDb();
		const maya = await child(db);
		const sam = await child(db);
		const own = await knownBrowser(db, maya.username);
		// Someone at the address has tried 300 accounts this hour.
		for (let i = 0; i < addressPolicy.perHour; i++) {
			db.insert(signInAttempt)
				.values({ key: throttleKey.address(home), at: at(i * 1000), succeeded: false })
				.run();
		}
		const now = at(addressPolicy.perHour * 1000);
		expect((await browser(db).signIn(sam.username, passphrase, now)).outcome).toBe('throttled');
		expect((await browser(db, '198.51.100.1').signIn(sam.username, passphrase, now)).outcome).toBe(
			'signed-in'
		);
		expect((await own.signIn(maya.username, passphrase, now)).outcome).toBe('signed-in');
	});
});
