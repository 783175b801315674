import { describe, expect, it } from 'vitest';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openDatabase } from '.';

describe('the database', () => {
	it('opens in WAL mode with synchronous=FULL and foreign keys on, migrated, readable by its owner only', () => {
		const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'waymark-db-'));
		const file = path.join(dir, 'data', 'waymark.db');
		const db = openDatabase(file);
		expect(db.$client.pragma('journal_mode', { simple: true })).toBe('wal');
		expect(db.$client.pragma('synchronous', { simple: true })).toBe(2);
		expect(db.$client.pragma('foreign_keys', { simple: true })).toBe(1);
		const tables = db.$client
			.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")
			.all()
			.map((t) => (t as { name: string }).name);
		expect(tables).toEqual(
			expect.arrayContaining(['access_log', 'assignment', 'child_profile', 'session', 'user'])
		);
		expect(fs.statSync(file).mode & 0o777).toBe(0o600);
		db.$client.close();
		fs.rmSync(dir, { recursive: true, force: true });
	});

	it('refuses a row that points nowhere', () => {
		const db = openDatabase(':memory:');
		expect(() =>
			db.$client
				.prepare(
					"INSERT INTO unit (id, organisation_id, kind, name, created_at) VALUES ('u', 'missing', 'home', 'x', 0)"
				)
				.run()
		).toThrow(/FOREIGN KEY/);
	});
});
