import { eq } from 'drizzle-orm';
import type { Db } from '../db';
import { childProfile, unit, user, type Role, type User } from '../db/schema';
import * as access from '../access';
import * as accessLog from '../audit/access-log';
import { randomId, randomString } from '../crypto/random';
import { hashPassword } from '../auth/password';
import { invalidateUserSessions } from '../auth/session';
import { resetTotp } from '../auth/totp';
import { AccountError } from './errors';

export type NewAccount = {
	role: Role;
	username: string;
	displayName: string;
	postTitle: string | null;
	/** Staff: their home or team. Children: their home. */
	unitId: string | null;
	/** Children: the social work team that holds their case, if any. */
	teamId: string | null;
	legalName: string | null;
};

const temporaryAlphabet = 'abcdefghjkmnpqrstuvwxyz23456789';

/**
 * Creates an account. Staff get a temporary password, shown once, that they must change; children
 * get no password: a worker makes them a sign-in code and they choose their own passphrase.
 */
export async function createAccount(
	db: Db,
	actor: access.Actor,
	input: NewAccount,
	address: string | null,
	now = new Date()
): Promise<{ user: User; temporaryPassword: string | null; childId: string | null }> {
	if (!access.rolesCreatableBy(actor).includes(input.role)) throw new access.AccessDenied();
	const allowedUnits = new Set(access.unitsFor(db, actor).map((u) => u.id));
	const isChild = access.isChildRole(input.role);
	if (input.unitId && !allowedUnits.has(input.unitId))
		throw new AccountError('form.invalid', 'unitId');
	if (input.teamId && !access.caseTeamsFor(db, actor).some((u) => u.id === input.teamId)) {
		throw new AccountError('form.invalid', 'teamId');
	}
	// Someone who places accounts only in their own home or team places every one there.
	if (access.allows(actor, 'placeInOwnUnit') && input.unitId !== actor.unitId) {
		throw new AccountError('form.invalid', 'unitId');
	}
	if ((isChild || input.role === 'manager') && !input.unitId) {
		throw new AccountError('form.required', 'unitId');
	}
	if (db.select({ id: user.id }).from(user).where(eq(user.username, input.username)).get()) {
		throw new AccountError('accounts.usernameTaken', 'username');
	}
	const temporaryPassword = isChild ? null : randomString(temporaryAlphabet, 16);
	const passwordHash = temporaryPassword ? await hashPassword(temporaryPassword) : null;
	const unitKind = input.unitId
		? db.select({ kind: unit.kind }).from(unit).where(eq(unit.id, input.unitId)).get()?.kind
		: undefined;
	const row: User = {
		id: randomId(),
		organisationId: actor.organisationId,
		unitId: input.unitId,
		username: input.username,
		displayName: input.displayName,
		postTitle: isChild ? null : input.postTitle,
		role: input.role,
		status: 'active',
		passwordHash,
		mustChangePassword: !isChild,
		totpKey: null,
		totpLastStep: null,
		locale: null,
		createdBy: actor.id,
		previousPasswordHash: null,
		privateSealedUntil: null,
		calmMode: null,
		createdAt: now,
		updatedAt: now
	};
	let childId: string | null = null;
	db.transaction((tx) => {
		tx.insert(user).values(row).run();
		if (isChild) {
			childId = randomId();
			tx.insert(childProfile)
				.values({
					id: childId,
					organisationId: actor.organisationId,
					userId: row.id,
					homeId: unitKind === 'home' ? input.unitId : null,
					teamId: unitKind === 'team' ? input.unitId : input.teamId,
					legalName: input.legalName || input.displayName,
					previousNames: [],
					preferredName: input.displayName,
					languages: [],
					createdAt: now,
					updatedAt: now
				})
				.run();
		}
		accessLog.record(
			tx,
			{ actor: actor, action: 'account-created', subjectUserId: row.id, childId, address },
			now
		);
	});
	return { user: row, temporaryPassword, childId };
}

export function setAccountStatus(
	db: Db,
	actor: access.Actor,
	userId: string,
	status: 'active' | 'disabled',
	address: string | null,
	now = new Date()
): void {
	access.requireAccount(db, actor, status === 'disabled' ? 'disable' : 'enable', userId);
	db.transaction((tx) => {
		tx.update(user).set({ status, updatedAt: now }).where(eq(user.id, userId)).run();
		// A disabled account is signed out everywhere, at once.
		if (status === 'disabled') invalidateUserSessions(tx, userId);
		accessLog.record(
			tx,
			{
				actor: actor,
				action: status === 'disabled' ? 'account-disabled' : 'account-enabled',
				subjectUserId: userId,
				address
			},
			now
		);
	});
}

export function resetTwoFactor(
	db: Db,
	actor: access.Actor,
	userId: string,
	address: string | null,
	now = new Date()
): void {
	access.requireAccount(db, actor, 'resetTwoFactor', userId);
	db.transaction((tx) => {
		resetTotp(tx, userId);
		invalidateUserSessions(tx, userId);
		accessLog.record(
			tx,
			{ actor: actor, action: 'two-factor-reset', subjectUserId: userId, address },
			now
		);
	});
}

export function setLocale(db: Db, userId: string, locale: string): void {
	db.update(user).set({ locale }).where(eq(user.id, userId)).run();
}

/** One account as a manager or administrator sees it: no case content. */
export function accountDetails(db: Db, actor: access.Actor, userId: string) {
	const { target } = access.requireAccount(db, actor, 'view', userId);
	const child = db
		.select({ id: childProfile.id })
		.from(childProfile)
		.where(eq(childProfile.userId, target.id))
		.get();
	const unitName = target.unitId
		? (db.select({ name: unit.name }).from(unit).where(eq(unit.id, target.unitId)).get()?.name ??
			null)
		: null;
	return {
		account: {
			id: target.id,
			username: target.username,
			displayName: target.displayName,
			postTitle: target.postTitle,
			role: target.role,
			status: target.status,
			unitName,
			hasTotp: target.totpKey !== null,
			childId: child?.id ?? null
		},
		may: {
			disable: target.status === 'active' && access.allowsAccount(db, actor, 'disable', userId),
			enable: target.status === 'disabled' && access.allowsAccount(db, actor, 'enable', userId),
			resetTwoFactor: access.allowsAccount(db, actor, 'resetTwoFactor', userId),
			signInCode: !!child && access.allowsChild(db, actor, 'createSignInCode', child.id),
			assignments: !!child && access.allowsChild(db, actor, 'manageAssignments', child.id)
		}
	};
}
