import { describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { createTestDb } from '../test/db';
import { actorFor, makeWorld } from '../test/factories';
import { accessLog, user } from '../db/schema';
import type { Db } from '../db';
import type { User } from '../db/schema';
import { hashPassword } from '../auth/password';
import { signInWithCode, signInWithPassword } from '../auth/sign-in';
import { validateSessionToken } from '../auth/session';
import { privateSealDuration } from '../access';
import { pendingStep } from '../web/guards';
import { issueSignInCode } from '../children/sign-in-code';
import { whoLooked } from '../children/profile';
import { changePassword } from './password';
import { codeNotice, unsealPrivate } from './seal';

const minute = 60_000;
const oldPassphrase = 'old kite over the hill';
const newPassphrase = 'someone else chose this';

/** The attack: a worker makes a code for the child and signs in as them. */
async function signInAsChild(db: Db, maker: User, child: User, childId: string, now: Date) {
	const { code } = issueSignInCode(db, actorFor(db, maker), childId, null, now);
	const result = await signInWithCode(
		db,
		{ username: child.username, code, address: '192.0.2.1' },
		now
	);
	if (result.outcome !== 'signed-in') throw new Error('the code did not work');
	return validateSessionToken(db, result.token, now)!;
}

async function setup() {
	const db = createTestDb();
	const w = makeWorld(db);
	const child = w.child.account!;
	db.update(user)
		.set({ passwordHash: await hashPassword(oldPassphrase) })
		.where(eq(user.id, child.id))
		.run();
	return { db, w, child, childId: w.child.profile.id };
}

const reload = (db: Db, id: string) => db.select().from(user).where(eq(user.id, id)).get()!;

describe('a sign-in code on an account that has a passphrase', () => {
	it('is a pending step until a new passphrase is set; then the old one is kept and the private things sealed', async () => {
		const { db, w, child, childId } = await setup();
		const now = new Date();
		const oldHash = reload(db, child.id).passwordHash;
		const signedIn = await signInAsChild(db, w.keyWorker, child, childId, now);
		expect(signedIn.session.viaSignInCode).toBe(true);
		expect(pendingStep({ ...signedIn, actor: null })).toBe('/passphrase');

		const later = new Date(now.getTime() + minute);
		const { token } = await changePassword(
			db,
			signedIn.user,
			{ current: null, next: newPassphrase, confirm: newPassphrase, afterSignInCode: true },
			null,
			later
		);
		const row = reload(db, child.id);
		expect(row.previousPasswordHash).toBe(oldHash);
		expect(row.privateSealedUntil).toEqual(new Date(later.getTime() + privateSealDuration));
		const fresh = validateSessionToken(db, token, later)!;
		expect(fresh.session.viaSignInCode).toBe(false);
		expect(pendingStep({ ...fresh, actor: null })).toBeNull();
		// The child notices: their own passphrase no longer works.
		const old = await signInWithPassword(
			db,
			{ username: child.username, password: oldPassphrase, address: '192.0.2.2' },
			later
		);
		expect(old.outcome).toBe('invalid');
	});

	it('a second code during the seal keeps the passphrase from before the first', async () => {
		const { db, w, child, childId } = await setup();
		const oldHash = reload(db, child.id).passwordHash;
		const now = new Date();
		for (const [i, maker] of [w.keyWorker, w.admin].entries()) {
			const at = new Date(now.getTime() + i * 60 * minute);
			const signedIn = await signInAsChild(db, maker, child, childId, at);
			await changePassword(
				db,
				signedIn.user,
				{
					current: null,
					next: `${newPassphrase} ${i}`,
					confirm: `${newPassphrase} ${i}`,
					afterSignInCode: true
				},
				null,
				at
			);
		}
		const row = reload(db, child.id);
		expect(row.previousPasswordHash).toBe(oldHash);
		expect(row.privateSealedUntil).toEqual(
			new Date(now.getTime() + 60 * minute + privateSealDuration)
		);
	});

	it('a first passphrase after a code seals nothing (there was nothing private to a passphrase)', async () => {
		const { db, w, child, childId } = await setup();
		db.update(user).set({ passwordHash: null }).where(eq(user.id, child.id)).run();
		const signedIn = await signInAsChild(db, w.keyWorker, child, childId, new Date());
		await changePassword(
			db,
			signedIn.user,
			{ current: null, next: newPassphrase, confirm: newPassphrase, afterSignInCode: true },
			null
		);
		expect(reload(db, child.id)).toMatchObject({
			previousPasswordHash: null,
			privateSealedUntil: null
		});
	});
});

describe('what the child is told, and getting their things back', () => {
	async function sealed() {
		const s = await setup();
		const now = new Date();
		const signedIn = await signInAsChild(s.db, s.w.keyWorker, s.child, s.childId, now);
		await changePassword(
			s.db,
			signedIn.user,
			{ current: null, next: newPassphrase, confirm: newPassphrase, afterSignInCode: true },
			null,
			now
		);
		const actor = () => actorFor(s.db, reload(s.db, s.child.id));
		return { ...s, now, actor };
	}

	it('logs the use against the child, naming who made the code', async () => {
		const { db, w, child, childId } = await sealed();
		const used = db.select().from(accessLog).where(eq(accessLog.action, 'sign-in-code-used')).all();
		expect(used).toHaveLength(1);
		expect(used[0]).toMatchObject({
			actorUserId: child.id,
			childId,
			subjectUserId: w.keyWorker.id
		});
	});

	it('"Who has looked at my record" lists the code made (by whom) and the code used', async () => {
		const { db, w, actor } = await sealed();
		const rows = whoLooked(db, actor());
		expect(rows.map((r) => r.action)).toEqual(['sign-in-code-used', 'sign-in-code-created']);
		expect(rows[1]).toMatchObject({ name: w.keyWorker.displayName, role: 'key_worker' });
	});

	it('the home page notice: who made the code, when it was used, hidden until when; gone after 30 days', async () => {
		const { db, w, now, actor } = await sealed();
		const notice = codeNotice(db, actor());
		expect(notice.uses).toHaveLength(1);
		expect(notice.uses[0]).toMatchObject({
			madeBy: w.keyWorker.displayName,
			madeByRole: 'key_worker'
		});
		expect(notice.sealedUntil).toEqual(new Date(now.getTime() + privateSealDuration));
		const month = new Date(now.getTime() + 31 * 24 * 60 * minute);
		expect(codeNotice(db, actorFor(db, reload(db, actor().id)), month).uses).toEqual([]);
	});

	it('the old passphrase ends the seal at once, and that is logged; a wrong one does not', async () => {
		const { db, child, actor } = await sealed();
		expect(await unsealPrivate(db, actor(), newPassphrase, null)).toBe('wrong');
		expect(reload(db, child.id).privateSealedUntil).not.toBeNull();
		const thisRequest = actor();
		expect(await unsealPrivate(db, thisRequest, oldPassphrase, null)).toBe('unsealed');
		// The page answering the form already says so, though its actor was built sealed.
		expect(codeNotice(db, thisRequest).sealedUntil).toBeNull();
		expect(reload(db, child.id)).toMatchObject({
			previousPasswordHash: null,
			privateSealedUntil: null
		});
		expect(actor().privateSeal).toBeNull();
		const logged = db
			.select()
			.from(accessLog)
			.where(and(eq(accessLog.action, 'private-unsealed'), eq(accessLog.actorUserId, child.id)))
			.all();
		expect(logged).toHaveLength(1);
		expect(await unsealPrivate(db, actor(), oldPassphrase, null)).toBe('not-sealed');
	});

	it('is throttled per account: after 5 wrong tries even the right passphrase waits', async () => {
		const { db, now, actor } = await sealed();
		for (let i = 0; i < 5; i++) {
			expect(await unsealPrivate(db, actor(), `wrong guess ${i}`, null, now)).toBe('wrong');
		}
		expect(await unsealPrivate(db, actor(), oldPassphrase, null, now)).toBe('throttled');
		const soon = new Date(now.getTime() + 2000);
		expect(
			await unsealPrivate(db, actorFor(db, reload(db, actor().id)), oldPassphrase, null, soon)
		).toBe('unsealed');
	});
});
