import fs from 'node:fs';
import path from 'node:path';
import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto';
import { dataDir } from '../config';

let secret: Buffer | undefined;

/**
 * The server secret, kept outside the database: WAYMARK_SECRET, or the file WAYMARK_SECRET_FILE,
 * or (for a demo) DATA_DIR/secret.key, made on first use with mode 0600.
 */
function serverSecret(): Buffer {
	if (secret) return secret;
	const fromEnv = process.env.WAYMARK_SECRET;
	if (fromEnv) {
		if (fromEnv.length < 32) throw new Error('WAYMARK_SECRET must be at least 32 characters');
		secret = Buffer.from(fromEnv, 'utf8');
		return secret;
	}
	const file = process.env.WAYMARK_SECRET_FILE || path.join(dataDir(), 'secret.key');
	if (!fs.existsSync(file)) {
		fs.mkdirSync(path.dirname(file), { recursive: true });
		fs.writeFileSync(file, randomBytes(32).toString('hex') + '\n', { mode: 0o600, flag: 'wx' });
	}
	secret = Buffer.from(fs.readFileSync(file, 'utf8').trim(), 'utf8');
	return secret;
}

const derived = new Map<string, Buffer>();

/** A key for one purpose, derived from the server secret, so that no two uses share a key. */
export function deriveKey(purpose: string): Buffer {
	let key = derived.get(purpose);
	if (!key) {
		key = Buffer.from(hkdfSync('sha256', serverSecret(), Buffer.alloc(0), purpose, 32));
		derived.set(purpose, key);
	}
	return key;
}

/** Encrypts with AES-256-GCM; the result is base64 of iv, tag and ciphertext. */
export function seal(plaintext: Uint8Array, purpose: string): string {
	const iv = randomBytes(12);
	const cipher = createCipheriv('aes-256-gcm', deriveKey(purpose), iv);
	const body = Buffer.concat([cipher.update(plaintext), cipher.final()]);
	return Buffer.concat([iv, cipher.getAuthTag(), body]).toString('base64');
}

export function unseal(sealed: string, purpose: string): Uint8Array {
	const raw = Buffer.from(sealed, 'base64');
	const decipher = createDecipheriv('aes-256-gcm', deriveKey(purpose), raw.subarray(0, 12));
	decipher.setAuthTag(raw.subarray(12, 28));
	return new Uint8Array(Buffer.concat([decipher.update(raw.subarray(28)), decipher.final()]));
}
