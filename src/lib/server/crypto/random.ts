import { encodeBase32LowerCaseNoPadding } from '@oslojs/encoding';

/** A random identifier with 120 bits of entropy, safe to put in a URL. */
export function randomId(): string {
	const bytes = new Uint8Array(15);
	crypto.getRandomValues(bytes);
	return encodeBase32LowerCaseNoPadding(bytes);
}

/** A random string from an alphabet, without modulo bias. */
export function randomString(alphabet: string, length: number): string {
	const limit = 256 - (256 % alphabet.length);
	let out = '';
	const bytes = new Uint8Array(length * 2);
	while (out.length < length) {
		crypto.getRandomValues(bytes);
		for (const b of bytes) {
			if (b < limit && out.length < length) out += alphabet[b % alphabet.length];
		}
	}
	return out;
}
