import { describe, expect, it } from 'vitest';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import Database from 'better-sqlite3';
import { openDatabase } from '.';
import { backupDatabase, integrityCheck } from './backup';

const batch = 25;

// A separate thread writes to the database in transactions of `batch` rows while we back it up.
const writer = `
const { workerData, parentPort } = require('node:worker_threads');
const Database = require('better-sqlite3');
const db = new Database(workerData.file);
db.pragma('busy_timeout = 5000');
const insert = db.prepare("INSERT INTO access_log (at, action, address) VALUES (?, 'sign-in-failed', ?)");
const write = db.transaction((n) => { for (let i = 0; i < ${batch}; i++) insert.run(Date.now(), 'batch-' + n); });
let n = 0, stop = false;
parentPort.on('message', () => { stop = true; });
(function loop() {
	if (stop) { db.close(); parentPort.postMessage(n); return; }
	write(n++);
	if (n === 5) parentPort.postMessage('started');
	setImmediate(loop);
})();
`;

describe('backup', () => {
	it('restores a backup taken during writes: intact, and only whole transactions in it', async () => {
		const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'waymark-backup-'));
		const file = path.join(dir, 'waymark.db');
		openDatabase(file).$client.close();
		const worker = new Worker(writer, { eval: true, workerData: { file } });
		await new Promise((resolve) => worker.once('message', resolve));
		const before = new Database(file, { readonly: true });
		const rowsBefore = (
			before.prepare('SELECT count(*) AS n FROM access_log').get() as { n: number }
		).n;
		before.close();

		const target = path.join(dir, 'backup.db');
		await backupDatabase(file, target);

		const batches = await new Promise<number>((resolve) => {
			worker.once('message', resolve);
			worker.postMessage('stop');
		});
		expect(integrityCheck(target)).toBe('ok');

		// Restore: the backup file becomes the database; migrations see it as up to date.
		const restoredFile = path.join(dir, 'restored.db');
		fs.copyFileSync(target, restoredFile);
		const restored = openDatabase(restoredFile);
		const rows = (
			restored.$client.prepare('SELECT count(*) AS n FROM access_log').get() as { n: number }
		).n;
		expect(rows).toBeGreaterThanOrEqual(rowsBefore);
		expect(rows).toBeLessThanOrEqual(batches * batch);
		expect(rows % batch).toBe(0);
		const perBatch = restored.$client
			.prepare('SELECT address, count(*) AS n FROM access_log GROUP BY address')
			.all() as { n: number }[];
		expect(perBatch.every((b) => b.n === batch)).toBe(true);
		expect(restored.$client.pragma('integrity_check', { simple: true })).toBe('ok');
		restored.$client.close();
		fs.rmSync(dir, { recursive: true, force: true });
	});

	it('refuses to overwrite an existing file', async () => {
		const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'waymark-backup-'));
		const file = path.join(dir, 'waymark.db');
		openDatabase(file).$client.close();
		fs.writeFileSync(path.join(dir, 'taken.db'), 'x');
		await expect(backupDatabase(file, path.join(dir, 'taken.db'))).rejects.toThrow(
			/already exists/
		);
		fs.rmSync(dir, { recursive: true, force: true });
	});
});
