import { hash, verify } from '@node-rs/argon2';
import { dictionary } from '@zxcvbn-ts/language-common';
import type { Role } from '../db/schema';
import { isChildRole } from '../access/roles';

// argon2id (the library's default algorithm) with OWASP's minimum: 19 MiB, 2 passes, 1 lane.
const options = { memoryCost: 19456, timeCost: 2, parallelism: 1, outputLen: 32 } as const;

export const minimumLength = { child: 8, staff: 12 } as const;
export const maximumLength = 128;

let common: Set<string> | undefined;

/** The 3,000 most common passwords, from zxcvbn-ts's frequency-ranked list. */
function commonPasswords(): Set<string> {
	common ??= new Set(dictionary['passwords-common'].slice(0, 3000));
	return common;
}

export type PasswordProblem = 'tooShort' | 'tooLong' | 'common' | 'sameAsUsername';

export function minimumLengthFor(role: Role): number {
	return isChildRole(role) ? minimumLength.child : minimumLength.staff;
}

export function checkPassword(
	password: string,
	role: Role,
	username: string
): PasswordProblem | null {
	const length = [...password].length;
	if (length < minimumLengthFor(role)) return 'tooShort';
	if (length > maximumLength) return 'tooLong';
	const folded = password.toLowerCase();
	if (commonPasswords().has(folded) || commonPasswords().has(folded.replace(/\s+/g, ''))) {
		return 'common';
	}
	if (folded.trim() === username.toLowerCase()) return 'sameAsUsername';
	return null;
}

export function hashPassword(password: string): Promise<string> {
	return hash(password.normalize('NFKC'), options);
}

export function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
	return verify(passwordHash, password.normalize('NFKC'));
}

let dummy: Promise<string> | undefined;

/** Spends the same time as a real check, so an unknown username cannot be told apart by timing. */
export async function verifyAgainstNothing(password: string): Promise<false> {
	dummy ??= hashPassword('waymark-timing-equaliser');
	await verify(await dummy, password.normalize('NFKC'));
	return false;
}
