import { describe, expect, it } from 'vitest';
import { randomId } from '../crypto/random';
import { deviceLifetime, devicesPerBrowser, recognise, remember } from './device';

const now = new Date('2026-05-01T10:00:00Z');
const maya = randomId();
const sam = randomId();

/** Changes one character of a part of each entry: 0 the nonce, 1 the time, 2 the MAC. */
function tamper(cookie: string, part: 0 | 1 | 2): string {
	const parts = cookie.split('.');
	const text = parts[part]!;
	const swapped = text[0] === 'a' ? 'b' : 'a';
	parts[part] = swapped + text.slice(1);
	return parts.join('.');
}

describe('device cookies', () => {
	it('are recognised for the account they were made for, and no other', () => {
		const cookie = remember(undefined, maya, now);
		expect(recognise(cookie, maya, now)).toMatch(/^[a-z2-7]{24}$/);
		expect(recognise(cookie, sam, now)).toBeNull();
		expect(recognise(undefined, maya, now)).toBeNull();
		expect(recognise('', maya, now)).toBeNull();
	});

	it('name no account: the id is only inside the MAC', () => {
		const cookie = remember(undefined, maya, now);
		expect(cookie).not.toContain(maya);
		expect(cookie).toMatch(/^[A-Za-z0-9._~-]+$/);
	});

	it('are refused when any part is changed', () => {
		const cookie = remember(undefined, maya, now);
		for (const part of [0, 1, 2] as const) {
			expect(recognise(tamper(cookie, part), maya, now), `part ${part}`).toBeNull();
		}
		expect(recognise(cookie.slice(0, -1), maya, now)).toBeNull();
		expect(recognise(`${cookie}x`, maya, now)).toBeNull();
	});

	it('expire after their lifetime, and are not valid before they were made', () => {
		const cookie = remember(undefined, maya, now);
		const nearlyExpired = new Date(now.getTime() + deviceLifetime - 1);
		expect(recognise(cookie, maya, nearlyExpired)).not.toBeNull();
		expect(recognise(cookie, maya, new Date(now.getTime() + deviceLifetime))).toBeNull();
		expect(recognise(cookie, maya, new Date(now.getTime() - 1000))).toBeNull();
	});

	it('hold several accounts on one browser, each with its own id', () => {
		const both = remember(remember(undefined, maya, now), sam, now);
		const ids = [recognise(both, maya, now), recognise(both, sam, now)];
		expect(ids.every((id) => id !== null)).toBe(true);
		expect(ids[0]).not.toBe(ids[1]);
	});

	it('keep one entry per account, made fresh at each sign-in', () => {
		const first = remember(undefined, maya, now);
		const again = remember(first, maya, now);
		expect(again.split('~')).toHaveLength(1);
		expect(recognise(again, maya, now)).not.toBe(recognise(first, maya, now));
	});

	it('remember a bounded number of accounts, forgetting the oldest', () => {
		const accounts = Array.from({ length: devicesPerBrowser + 1 }, () => randomId());
		let cookie: string | undefined;
		for (const id of accounts) cookie = remember(cookie, id, now);
		expect(cookie!.split('~')).toHaveLength(devicesPerBrowser);
		expect(recognise(cookie, accounts[0]!, now)).toBeNull();
		expect(recognise(cookie, accounts.at(-1)!, now)).not.toBeNull();
		expect(recognise(cookie, accounts[1]!, now)).not.toBeNull();
	});

	it('drop entries that are malformed or expired when rewritten', () => {
		const old = remember(undefined, sam, now);
		const later = new Date(now.getTime() + deviceLifetime);
		const cookie = remember(`junk~${old}`, maya, later);
		expect(cookie.split('~')).toHaveLength(1);
		expect(recognise(cookie, maya, later)).not.toBeNull();
	});
});
