import { and, desc, eq, gt, isNull } from 'drizzle-orm';
import { sha256 } from '@oslojs/crypto/sha2';
import { encodeBase32LowerCaseNoPadding, encodeHexLowerCase } from '@oslojs/encoding';
import type { Db } from '../db';
import { integrationToken, user } from '../db/schema';
import * as access from '../access';
import * as accessLog from '../audit/access-log';
import { randomId } from '../crypto/random';

/**
 * Tokens for the case system's pull API. A token is 256 random bits, shown to the administrator
 * once; only its SHA-256 is kept, so it is looked up by hash (a guess reveals nothing by timing).
 * It belongs to the organisation and reads only that organisation's items.
 */

const prefix = 'wmk_';
/** 32 random bytes, base32: 52 characters after the prefix. */
const tokenPattern = /^wmk_[a-z2-7]{52}$/;

export type Integration = { tokenId: string; organisationId: string; name: string };

/** How long a new token lasts, unless the administrator chooses a shorter time. */
export const tokenLifetimes = [90, 180, 365] as const;
export type TokenLifetime = (typeof tokenLifetimes)[number];
const dayMs = 24 * 60 * 60 * 1000;

function hashToken(token: string): string {
	return encodeHexLowerCase(sha256(new TextEncoder().encode(token)));
}

/** The token from an `Authorization: Bearer <token>` header, or null. */
export function bearerToken(header: string | null): string | null {
	const match = /^Bearer +(\S+)$/i.exec(header?.trim() ?? '');
	return match ? match[1]! : null;
}

/** Makes a token: the only time it exists in plain is in what this returns. */
export function createIntegrationToken(
	db: Db,
	actor: access.Actor,
	name: string,
	address: string | null,
	now = new Date(),
	lifetimeDays: TokenLifetime = 365
): { id: string; token: string; expiresAt: Date } {
	access.requireGeneral(actor, 'manageIntegrations');
	const bytes = new Uint8Array(32);
	crypto.getRandomValues(bytes);
	const token = prefix + encodeBase32LowerCaseNoPadding(bytes);
	const id = randomId();
	const expiresAt = new Date(now.getTime() + lifetimeDays * dayMs);
	db.transaction((tx) => {
		tx.insert(integrationToken)
			.values({
				id,
				organisationId: actor.organisationId,
				name,
				tokenHash: hashToken(token),
				createdByUserId: actor.id,
				createdAt: now,
				expiresAt
			})
			.run();
		accessLog.record(tx, { actor, action: 'integration-token-created', address }, now);
	});
	return { id, token, expiresAt };
}

/** Stops a token working from the next call. Revoking it again changes nothing. */
export function revokeIntegrationToken(
	db: Db,
	actor: access.Actor,
	id: string,
	address: string | null,
	now = new Date()
): void {
	access.requireGeneral(actor, 'manageIntegrations');
	db.transaction((tx) => {
		const row = tx.select().from(integrationToken).where(eq(integrationToken.id, id)).get();
		if (!row || row.organisationId !== actor.organisationId) {
			throw new access.AccessDenied('not-found');
		}
		if (row.revokedAt) return;
		tx.update(integrationToken).set({ revokedAt: now }).where(eq(integrationToken.id, id)).run();
		accessLog.record(tx, { actor, action: 'integration-token-revoked', address }, now);
	});
}

/** The organisation's tokens, newest first: never their hashes. */
export function listIntegrationTokens(db: Db, actor: access.Actor) {
	access.requireGeneral(actor, 'manageIntegrations');
	return db
		.select({
			id: integrationToken.id,
			name: integrationToken.name,
			createdAt: integrationToken.createdAt,
			createdBy: user.displayName,
			lastUsedAt: integrationToken.lastUsedAt,
			revokedAt: integrationToken.revokedAt,
			expiresAt: integrationToken.expiresAt
		})
		.from(integrationToken)
		.innerJoin(user, eq(user.id, integrationToken.createdByUserId))
		.where(eq(integrationToken.organisationId, actor.organisationId))
		.orderBy(desc(integrationToken.createdAt), desc(integrationToken.id))
		.all();
}

/** The integration a bearer token stands for, or null when it is unknown, revoked or expired. */
export function integrationFor(db: Db, bearer: string, now = new Date()): Integration | null {
	if (!tokenPattern.test(bearer)) return null;
	const row = db
		.select({
			id: integrationToken.id,
			organisationId: integrationToken.organisationId,
			name: integrationToken.name
		})
		.from(integrationToken)
		.where(
			and(
				eq(integrationToken.tokenHash, hashToken(bearer)),
				isNull(integrationToken.revokedAt),
				gt(integrationToken.expiresAt, now)
			)
		)
		.get();
	if (!row) return null;
	db.update(integrationToken).set({ lastUsedAt: now }).where(eq(integrationToken.id, row.id)).run();
	return { tokenId: row.id, organisationId: row.organisationId, name: row.name };
}
