import { describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { createTestDb } from '../test/db';
import { makeOrganisation, makeUser } from '../test/factories';
import { user } from '../db/schema';
import { codeForStep, enrolTotp, generateTotpKey, stepAt, verifyTotp, period } from './totp';

function setup() {
	const db = createTestDb();
	const org = makeOrganisation(db);
	const staff = makeUser(db, org.id, 'social_worker');
	const key = generateTotpKey();
	return { db, staff, key };
}

const t0 = new Date('2026-03-01T10:00:05Z');
const later = (steps: number) => new Date(t0.getTime() + steps * period * 1000);

describe('TOTP', () => {
	it('enrols only with a code from the key, and stores the key sealed', () => {
		const { db, staff, key } = setup();
		const right = codeForStep(key, stepAt(t0));
		const wrong = right.replace(/^./, (d) => String((Number(d) + 1) % 10));
		expect(enrolTotp(db, staff.id, key, wrong, t0)).toBe(false);
		expect(db.select().from(user).where(eq(user.id, staff.id)).get()!.totpKey).toBeNull();
		expect(enrolTotp(db, staff.id, key, right, t0)).toBe(true);
		const row = db.select().from(user).where(eq(user.id, staff.id)).get()!;
		expect(row.totpKey).not.toBeNull();
		expect(row.totpKey).not.toContain(Buffer.from(key).toString('base64'));
	});

	it('accepts a code once only', () => {
		const { db, staff, key } = setup();
		enrolTotp(db, staff.id, key, codeForStep(key, stepAt(t0)), t0);
		const code = codeForStep(key, stepAt(later(1)));
		expect(verifyTotp(db, staff.id, code, later(1))).toBe(true);
		expect(verifyTotp(db, staff.id, code, later(1))).toBe(false);
	});

	it('accepts the previous step but refuses codes older than one step', () => {
		const { db, staff, key } = setup();
		enrolTotp(db, staff.id, key, codeForStep(key, stepAt(t0)), t0);
		const now = later(10);
		expect(verifyTotp(db, staff.id, codeForStep(key, stepAt(now) - 2), now)).toBe(false);
		expect(verifyTotp(db, staff.id, codeForStep(key, stepAt(now) - 1), now)).toBe(true);
	});

	it('refuses an older code once a newer one was used', () => {
		const { db, staff, key } = setup();
		enrolTotp(db, staff.id, key, codeForStep(key, stepAt(t0)), t0);
		const now = later(5);
		expect(verifyTotp(db, staff.id, codeForStep(key, stepAt(now)), now)).toBe(true);
		expect(verifyTotp(db, staff.id, codeForStep(key, stepAt(now) - 1), now)).toBe(false);
	});

	it('refuses codes from the future and wrong codes', () => {
		const { db, staff, key } = setup();
		enrolTotp(db, staff.id, key, codeForStep(key, stepAt(t0)), t0);
		const now = later(3);
		expect(verifyTotp(db, staff.id, codeForStep(key, stepAt(now) + 1), now)).toBe(false);
		expect(verifyTotp(db, staff.id, 'abcdef', now)).toBe(false);
	});
});
