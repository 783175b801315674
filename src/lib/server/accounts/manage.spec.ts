import { describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { createTestDb } from '../test/db';
import { actorFor, makeUnit, makeUser, makeWorld } from '../test/factories';
import { accessLog, childProfile, user } from '../db/schema';
import { createAccount, resetTwoFactor, setAccountStatus } from './manage';
import { AccountError } from './errors';
import { createSession, validateSessionToken } from '../auth/session';
import { verifyPassword } from '../auth/password';
import { AccessDenied } from '../access';
import { assign, endAssignment, listAssignments } from '../children/assignments';
import { allowsChild } from '../access';

const base = { postTitle: null, teamId: null, legalName: null };

describe('accounts', () => {
	it('makes a staff account with a one-time temporary password they must change', async () => {
		const db = createTestDb();
		const w = makeWorld(db);
		const { user: made, temporaryPassword } = await createAccount(
			db,
			actorFor(db, w.admin),
			{
				...base,
				role: 'key_worker',
				username: 'new.worker',
				displayName: 'New Worker',
				postTitle: 'Key worker',
				unitId: w.home.id
			},
			'10.0.0.1'
		);
		expect(temporaryPassword).toMatch(/^[a-z2-9]{16}$/);
		expect(made.mustChangePassword).toBe(true);
		expect(await verifyPassword(made.passwordHash!, temporaryPassword!)).toBe(true);
		const log = db.select().from(accessLog).all();
		expect(log.map((r) => r.action)).toEqual(['account-created']);
		expect(JSON.stringify(log)).not.toContain(temporaryPassword);
	});

	it("makes a child's account with a profile and no password", async () => {
		const db = createTestDb();
		const w = makeWorld(db);
		const {
			user: made,
			temporaryPassword,
			childId
		} = await createAccount(
			db,
			actorFor(db, w.manager),
			{ ...base, role: 'child', username: 'new.child', displayName: 'Ruby', unitId: w.home.id },
			null
		);
		expect(temporaryPassword).toBeNull();
		expect(made.passwordHash).toBeNull();
		const profile = db.select().from(childProfile).where(eq(childProfile.id, childId!)).get()!;
		expect(profile).toMatchObject({
			homeId: w.home.id,
			preferredName: 'Ruby',
			legalName: 'Ruby',
			userId: made.id
		});
	});

	it('keeps managers to their own unit and roles, and usernames unique', async () => {
		const db = createTestDb();
		const w = makeWorld(db);
		const manager = actorFor(db, w.manager);
		await expect(
			createAccount(
				db,
				manager,
				{ ...base, role: 'manager', username: 'boss2', displayName: 'B', unitId: w.home.id },
				null
			)
		).rejects.toBeInstanceOf(AccessDenied);
		await expect(
			createAccount(
				db,
				manager,
				{ ...base, role: 'child', username: 'kid2', displayName: 'K', unitId: w.otherHome.id },
				null
			)
		).rejects.toBeInstanceOf(AccountError);
		await expect(
			createAccount(
				db,
				manager,
				{
					...base,
					role: 'child',
					username: w.keyWorker.username,
					displayName: 'K',
					unitId: w.home.id
				},
				null
			)
		).rejects.toMatchObject({ key: 'accounts.usernameTaken' });
	});

	it("a manager names a child's team from their own organisation only", async () => {
		const db = createTestDb();
		const w = makeWorld(db);
		const manager = actorFor(db, w.manager);
		const child = (teamId: string) =>
			createAccount(
				db,
				manager,
				{
					...base,
					role: 'child',
					username: `kid-${teamId}`,
					displayName: 'K',
					unitId: w.home.id,
					teamId
				},
				null
			);
		const made = await child(w.team.id);
		expect(
			db.select().from(childProfile).where(eq(childProfile.id, made.childId!)).get()!.teamId
		).toBe(w.team.id);
		const elsewhere = makeUnit(db, w.otherOrg.id, 'team');
		await expect(child(elsewhere.id)).rejects.toMatchObject({
			key: 'form.invalid',
			field: 'teamId'
		});
	});

	it('disabling an account ends its sessions at once; enabling does not revive them', () => {
		const db = createTestDb();
		const w = makeWorld(db);
		const { token } = createSession(db, w.keyWorker.id, { twoFactorVerified: true });
		setAccountStatus(db, actorFor(db, w.manager), w.keyWorker.id, 'disabled', null);
		expect(validateSessionToken(db, token)).toBeNull();
		setAccountStatus(db, actorFor(db, w.manager), w.keyWorker.id, 'active', null);
		expect(validateSessionToken(db, token)).toBeNull();
		expect(db.select().from(user).where(eq(user.id, w.keyWorker.id)).get()!.status).toBe('active');
	});

	it('resetting the second factor clears the key and signs them out', () => {
		const db = createTestDb();
		const w = makeWorld(db);
		db.update(user)
			.set({ totpKey: 'sealed', totpLastStep: 5 })
			.where(eq(user.id, w.socialWorker.id))
			.run();
		const { token } = createSession(db, w.socialWorker.id, { twoFactorVerified: true });
		resetTwoFactor(db, actorFor(db, w.admin), w.socialWorker.id, null);
		expect(db.select().from(user).where(eq(user.id, w.socialWorker.id)).get()!.totpKey).toBeNull();
		expect(validateSessionToken(db, token)).toBeNull();
		expect(() => resetTwoFactor(db, actorFor(db, w.keyWorker), w.socialWorker.id, null)).toThrow(
			AccessDenied
		);
	});
});

describe('assignments', () => {
	it('a manager assigns a worker, and ending it removes access on the next request', () => {
		const db = createTestDb();
		const w = makeWorld(db);
		const manager = actorFor(db, w.manager);
		const otherManager = actorFor(
			db,
			makeUser(db, w.org.id, 'manager', { unitId: w.otherHome.id })
		);
		const worker = actorFor(db, w.socialWorker);
		const childId = w.child.profile.id;
		const careLeaverId = w.careLeaver.profile.id;
		expect(allowsChild(db, worker, 'viewRecord', w.otherChild.profile.id)).toBe(false);
		assign(db, otherManager, w.otherChild.profile.id, w.socialWorker.id, null);
		expect(allowsChild(db, worker, 'viewRecord', w.otherChild.profile.id)).toBe(true);
		const current = listAssignments(db, otherManager, w.otherChild.profile.id).assignments.find(
			(a) => a.status === 'current'
		)!;
		endAssignment(db, otherManager, w.otherChild.profile.id, current.id, null);
		expect(allowsChild(db, worker, 'viewRecord', w.otherChild.profile.id)).toBe(false);
		expect(() => assign(db, manager, careLeaverId, w.keyWorker.id, null)).toThrow(AccessDenied);
		expect(() => assign(db, manager, childId, w.keyWorker.id, null)).toThrow(/assignments.already/);
		const actions = db
			.select()
			.from(accessLog)
			.all()
			.map((r) => r.action);
		expect(actions).toEqual(['assignment-created', 'assignment-ended']);
	});
});
