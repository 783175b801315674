import { count, eq } from 'drizzle-orm';
import type { Db } from '../db';
import { organisation, user, type User } from '../db/schema';
import { randomId, randomString } from '../crypto/random';
import { hashPassword, checkPassword } from '../auth/password';
import { createOrganisation } from '../organisation/units';

const alphabet = 'abcdefghjkmnpqrstuvwxyz23456789';

/** A strong random password in groups of four, easy to copy: e.g. `k7qm-x3pt-9hwa-d2re`. */
export function generatePassword(groups = 4): string {
	return Array.from({ length: groups }, () => randomString(alphabet, 4)).join('-');
}

export function isEmpty(db: Db): boolean {
	return (db.select({ n: count() }).from(organisation).get()?.n ?? 0) === 0;
}

/**
 * The first administrator of an organisation (made by `npm run admin:create` or the demo seed).
 * Returns the password once; it is never stored in clear.
 */
export async function createAdministrator(
	db: Db,
	input: { organisationName?: string; username: string; displayName: string; postTitle: string },
	now = new Date()
): Promise<{ user: User; password: string }> {
	const existing = db
		.select({ id: user.id })
		.from(user)
		.where(eq(user.username, input.username))
		.get();
	if (existing) throw new Error(`The username "${input.username}" is already taken.`);
	let org = db.select().from(organisation).get();
	if (!org) org = createOrganisation(db, input.organisationName || 'Waymark', now);
	let password = generatePassword();
	while (checkPassword(password, 'admin', input.username)) password = generatePassword();
	const row: User = {
		id: randomId(),
		organisationId: org.id,
		unitId: null,
		username: input.username,
		displayName: input.displayName,
		postTitle: input.postTitle,
		role: 'admin',
		status: 'active',
		passwordHash: await hashPassword(password),
		mustChangePassword: false,
		totpKey: null,
		totpLastStep: null,
		locale: null,
		createdBy: null,
		previousPasswordHash: null,
		privateSealedUntil: null,
		calmMode: null,
		createdAt: now,
		updatedAt: now
	};
	db.insert(user).values(row).run();
	return { user: row, password };
}
