import { describe, expect, it } from 'vitest';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createTestDb } from '../test/db';
import { seedDemo } from './seed';
import { writeDemoSignIns } from './sign-ins-file';
import { isEmpty } from '../accounts/bootstrap';
import { signInWithPassword } from '../auth/sign-in';
import { checkPassword } from '../auth/password';
import { eq } from 'drizzle-orm';
import { childProfile, entry, organisation, unit, user } from '../db/schema';
import { verifyChains } from '../record/verify';

describe('the demo seed', () => {
	it('makes one home, one team and one account of each role, each able to sign in', async () => {
		const db = createTestDb();
		expect(isEmpty(db)).toBe(true);
		const signIns = await seedDemo(db);
		expect(isEmpty(db)).toBe(false);
		expect(signIns.map((s) => s.role).sort()).toEqual(
			['admin', 'advocate', 'care-leaver', 'child', 'key-worker', 'manager', 'social-worker'].sort()
		);
		expect(db.select().from(organisation).all()).toHaveLength(1);
		expect(
			db
				.select({ kind: unit.kind })
				.from(unit)
				.all()
				.map((u) => u.kind)
				.sort()
		).toEqual(['home', 'team']);
		expect(db.select().from(childProfile).all()).toHaveLength(2);
		for (const s of signIns) {
			const role = db
				.select()
				.from(user)
				.all()
				.find((u) => u.username === s.username)!.role;
			expect(checkPassword(s.password, role, s.username), s.username).toBeNull();
			const result = await signInWithPassword(db, {
				username: s.username,
				password: s.password,
				address: '::1'
			});
			expect(result.outcome, s.username).toBe('signed-in');
		}
	});

	it('gives the demo child a realistic record: every kind, nature and visibility, a late entry, a correction, a confidential item', async () => {
		const db = createTestDb();
		await seedDemo(db);
		const rows = db.select().from(entry).where(eq(entry.status, 'final')).all();
		expect(rows.length).toBeGreaterThanOrEqual(30);
		const distinct = (pick: (e: (typeof rows)[number]) => string) =>
			[...new Set(rows.map(pick))].sort();
		expect(distinct((e) => e.kind)).toEqual(['correction', 'decision', 'record_entry']);
		expect(distinct((e) => e.nature)).toEqual(['decision', 'fact', 'opinion', 'third_party']);
		expect(distinct((e) => e.visibility)).toEqual(['confidential', 'shared', 'staff_only']);
		expect(rows.filter((e) => e.isLate && e.kind !== 'correction').length).toBeGreaterThanOrEqual(
			1
		);
		expect(
			rows.filter((e) => e.kind === 'correction' && e.supersedesId).length
		).toBeGreaterThanOrEqual(1);
		expect(rows.filter((e) => e.visibility === 'confidential').length).toBeGreaterThanOrEqual(1);
		expect(rows.some((e) => e.translations.some((t) => t.locale === 'cy'))).toBe(true);
		expect(rows.some((e) => e.nature === 'third_party' && !e.thirdPartyPermission)).toBe(true);
		expect(verifyChains(db).ok).toBe(true);
	});

	it('makes different passwords on every install', async () => {
		const a = await seedDemo(createTestDb());
		const b = await seedDemo(createTestDb());
		expect(a.map((s) => s.password)).not.toEqual(b.map((s) => s.password));
	});

	it('writes the sign-ins one per line, readable by the owner only', () => {
		const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'waymark-demo-'));
		const file = writeDemoSignIns(dir, [
			{ role: 'child', username: 'maya', password: 'abcd-efgh-jkmn' },
			{ role: 'key-worker', username: 'sam.okafor', password: 'abcd-efgh-jkmn-pqrs' }
		]);
		expect(fs.readFileSync(file, 'utf8')).toBe(
			'child maya abcd-efgh-jkmn\nkey-worker sam.okafor abcd-efgh-jkmn-pqrs\n'
		);
		expect(fs.statSync(file).mode & 0o777).toBe(0o600);
		fs.rmSync(dir, { recursive: true, force: true });
	});
});
