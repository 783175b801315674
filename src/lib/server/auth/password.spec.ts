import { describe, expect, it } from 'vitest';
import { checkPassword, hashPassword, verifyPassword } from './password';

describe('passwords', () => {
	it('hashes with argon2id, 19 MiB, 2 passes, 1 lane', async () => {
		const hash = await hashPassword('correct horse battery staple');
		expect(hash).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
		expect(await verifyPassword(hash, 'correct horse battery staple')).toBe(true);
		expect(await verifyPassword(hash, 'correct horse battery stapler')).toBe(false);
	});

	it('asks staff for 12 characters and children for 8', () => {
		expect(checkPassword('elevenchars', 'key_worker', 'sam')).toBe('tooShort');
		expect(checkPassword('twelve chars', 'key_worker', 'sam')).toBeNull();
		expect(checkPassword('sevenab', 'child', 'maya')).toBe('tooShort');
		expect(checkPassword('eight ab', 'child', 'maya')).toBeNull();
	});

	it('allows long passphrases, at least 64 characters', () => {
		expect(checkPassword('a'.repeat(63) + 'b', 'admin', 'robin')).toBeNull();
		expect(checkPassword('x'.repeat(128), 'admin', 'robin')).toBeNull();
		expect(checkPassword('x'.repeat(129), 'admin', 'robin')).toBe('tooLong');
	});

	it('refuses the most common passwords, whatever their case', () => {
		expect(checkPassword('password', 'child', 'maya')).toBe('common');
		expect(checkPassword('PASSWORD1', 'child', 'maya')).toBe('common');
		expect(checkPassword('qwertyuiop', 'child', 'maya')).toBe('common');
		expect(checkPassword('1234567890', 'child', 'maya')).toBe('common');
		expect(checkPassword('iloveyou', 'child', 'maya')).toBe('common');
	});

	it('refuses the username as a password', () => {
		expect(checkPassword('maya.thompson', 'child', 'maya.thompson')).toBe('sameAsUsername');
	});
});
