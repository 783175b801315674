import { and, eq, sql } from 'drizzle-orm';
import { sha256 } from '@oslojs/crypto/sha2';
import { constantTimeEqual } from '@oslojs/crypto/subtle';
import { encodeBase32LowerCaseNoPadding } from '@oslojs/encoding';
import type { Db } from '../db';
import { preparedOnce } from '../db/prepared';
import { session, user, childProfile, type Session, type User } from '../db/schema';
import { isChildRole } from '../access/roles';

const minute = 60 * 1000;
/** Idle timeouts: children on a shared tablet get a little longer than staff; 12 hours at most. */
export const idleTimeout = { child: 60 * minute, staff: 30 * minute } as const;
export const absoluteLifetime = 12 * 60 * minute;
/** lastSeenAt is written at most once a minute, to keep reads cheap. */
const touchInterval = minute;

export type SessionUser = Pick<
	User,
	| 'id'
	| 'organisationId'
	| 'unitId'
	| 'username'
	| 'displayName'
	| 'postTitle'
	| 'role'
	| 'locale'
	| 'mustChangePassword'
	| 'privateSealedUntil'
	| 'calmMode'
> & { hasPassword: boolean; hasTotp: boolean; childId: string | null };

export type ValidSession = { session: Session; user: SessionUser };

function randomSecret(bytes: number): string {
	const buffer = new Uint8Array(bytes);
	crypto.getRandomValues(buffer);
	return encodeBase32LowerCaseNoPadding(buffer);
}

function hashSecret(secret: string): Buffer {
	return Buffer.from(sha256(new TextEncoder().encode(secret)));
}

export function idleTimeoutFor(role: User['role']): number {
	return isChildRole(role) ? idleTimeout.child : idleTimeout.staff;
}

/**
 * Starts a new session and returns its token, `<id>.<secret>`: 120 bits of id and 160 bits of
 * secret. Only the SHA-256 of the secret is stored.
 */
export function createSession(
	db: Db,
	userId: string,
	options: { twoFactorVerified: boolean; viaSignInCode?: boolean },
	now = new Date()
): { token: string; session: Session } {
	const id = randomSecret(15);
	const secret = randomSecret(20);
	const row = {
		id,
		secretHash: hashSecret(secret),
		userId,
		createdAt: now,
		lastSeenAt: now,
		twoFactorVerified: options.twoFactorVerified,
		viaSignInCode: options.viaSignInCode ?? false
	};
	db.insert(session).values(row).run();
	return { token: `${id}.${secret}`, session: row };
}

/** Every request asks this, so it is prepared once. */
const sessionWithUser = preparedOnce((db) =>
	db
		.select({ session, user, childId: childProfile.id })
		.from(session)
		.innerJoin(user, eq(user.id, session.userId))
		.leftJoin(childProfile, eq(childProfile.userId, user.id))
		.where(eq(session.id, sql.placeholder('id')))
		.prepare()
);

export function validateSessionToken(db: Db, token: string, now = new Date()): ValidSession | null {
	const [id, secret, extra] = token.split('.');
	if (!id || !secret || extra !== undefined) return null;
	const row = sessionWithUser(db).get({ id });
	if (!row) return null;
	if (!constantTimeEqual(hashSecret(secret), row.session.secretHash)) return null;
	const age = now.getTime() - row.session.createdAt.getTime();
	const idle = now.getTime() - row.session.lastSeenAt.getTime();
	if (
		row.user.status !== 'active' ||
		age >= absoluteLifetime ||
		idle >= idleTimeoutFor(row.user.role)
	) {
		invalidateSession(db, id);
		return null;
	}
	if (idle >= touchInterval) {
		db.update(session).set({ lastSeenAt: now }).where(eq(session.id, id)).run();
		row.session.lastSeenAt = now;
	}
	const u = row.user;
	return {
		session: row.session,
		user: {
			id: u.id,
			organisationId: u.organisationId,
			unitId: u.unitId,
			username: u.username,
			displayName: u.displayName,
			postTitle: u.postTitle,
			role: u.role,
			locale: u.locale,
			mustChangePassword: u.mustChangePassword,
			privateSealedUntil: u.privateSealedUntil,
			calmMode: u.calmMode,
			hasPassword: u.passwordHash !== null,
			hasTotp: u.totpKey !== null,
			childId: row.childId
		}
	};
}

export function sessionExpiry(s: Session, role: User['role']): Date {
	const idleEnd = s.lastSeenAt.getTime() + idleTimeoutFor(role);
	return new Date(Math.min(idleEnd, s.createdAt.getTime() + absoluteLifetime));
}

/**
 * The second factor is done: the half-signed-in session ends and a new one starts, so a token seen
 * before this step (on a shared screen, in a proxy's log) is useless after it.
 */
export function completeTwoFactor(
	db: Db,
	old: Pick<Session, 'id' | 'userId'>,
	now = new Date()
): { token: string; session: Session } {
	return db.transaction((tx) => {
		invalidateSession(tx, old.id);
		return createSession(tx, old.userId, { twoFactorVerified: true }, now);
	});
}

export function invalidateSession(db: Db, sessionId: string): void {
	db.delete(session).where(eq(session.id, sessionId)).run();
}

export function invalidateUserSessions(db: Db, userId: string): void {
	db.delete(session).where(eq(session.userId, userId)).run();
}

export function sessionExists(db: Db, sessionId: string, userId: string): boolean {
	return !!db
		.select({ id: session.id })
		.from(session)
		.where(and(eq(session.id, sessionId), eq(session.userId, userId)))
		.get();
}
