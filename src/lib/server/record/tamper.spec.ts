import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createHash, createHmac } from 'node:crypto';
import sharp from 'sharp';
import Database from 'better-sqlite3';
import { drizzle } from 'drizzle-orm/better-sqlite3';
import { createTestDb } from '../test/db';
import { actorFor, childEntryInput, finalEntry, makeWorld } from '../test/factories';
import * as schema from '../db/schema';
import type { AppDatabase } from '../db';
import * as accessLog from '../audit/access-log';
import { registerLogChain } from '../audit/log-chain';
import { restoreTriggers } from '../db/triggers';
import { mediaFile } from '../media';
import { addPhotos } from '../space/attachments';
import { createChildDraft, sendChildEntry } from '../space/child-entries';
import { canonical, hashedColumns, laterColumns, type RawEntry } from './chain';
import { memoryAnchor, type Anchor } from './anchor';
import { openAlerts, recordAlertSince } from './alerts';
import { verifyAndCheckpoint, verifyChains, type ChainProblem } from './verify';
import { verifyRecent } from './verify-recent';

/**
 * Someone holding the database file (but not the server secret, nor the copy of the checkpoints
 * kept outside the database) tries each way the issue found to rewrite history quietly. Every one
 * must be detected, and verify must then refuse to sign.
 */

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'waymark-tamper-'));
const previous = process.env.DATA_DIR;
process.env.DATA_DIR = dir;
afterAll(() => {
	process.env.DATA_DIR = previous;
	fs.rmSync(dir, { recursive: true, force: true });
});

const columns = [...hashedColumns, ...laterColumns, 'hash'] as const;
/** What the attacker can compute: hashes without the key. */
const plainHash = (row: Record<string, unknown>) =>
	createHash('sha256').update(canonical(row)).digest('hex');
const wrongKeyHash = (row: Record<string, unknown>) =>
	createHmac('sha256', 'a guessed key').update(canonical(row)).digest('hex');

type World = { image: Buffer; anchor: Anchor; childId: string; photoId: string };

/** A record with staff entries, a child's photo, access-log rows and two signed checkpoints. */
async function seeded(): Promise<World> {
	const db = createTestDb();
	const w = makeWorld(db);
	const childId = w.child.profile.id;
	const anchor = memoryAnchor();
	for (let i = 0; i < 6; i++) finalEntry(db, w.keyWorker, childId, { title: `Entry ${i}` });
	const child = actorFor(db, w.child.account!);
	const draft = createChildDraft(db, child, childEntryInput({ kind: 'memory' }));
	const photo = await sharp({ create: { width: 64, height: 48, channels: 3, background: '#468' } })
		.png()
		.toBuffer();
	expect(await addPhotos(db, child, draft.id, [{ bytes: photo, caption: '' }])).toEqual([]);
	sendChildEntry(db, child, draft.id, null);
	expect(verifyAndCheckpoint(db, new Date(), { anchor }).ok).toBe(true);
	for (let i = 6; i < 9; i++) finalEntry(db, w.keyWorker, childId, { title: `Entry ${i}` });
	expect(verifyAndCheckpoint(db, new Date(), { anchor }).ok).toBe(true);
	// Two more since the latest checkpoint (places 11 and 12).
	for (let i = 9; i < 11; i++) finalEntry(db, w.keyWorker, childId, { title: `Entry ${i}` });
	const photoId = db.select().from(schema.media).get()!.id;
	return { image: db.$client.serialize(), anchor, childId, photoId };
}

/** The attacker's copy: triggers dropped, foreign keys off, the app's SQL function available. */
function open(world: World) {
	const sqlite = new Database(world.image);
	registerLogChain(sqlite);
	sqlite.pragma('foreign_keys = OFF');
	for (const { name } of sqlite
		.prepare("SELECT name FROM sqlite_master WHERE type = 'trigger'")
		.all() as { name: string }[])
		sqlite.exec(`DROP TRIGGER ${name}`);
	const db = drizzle(sqlite, { schema }) as unknown as AppDatabase;
	const entries = () =>
		sqlite
			.prepare("SELECT * FROM entry WHERE status = 'final' AND child_id = ? ORDER BY seq")
			.all(world.childId) as RawEntry[];
	const insert = (row: RawEntry) =>
		sqlite
			.prepare(
				`INSERT INTO entry (${columns.join(',')}) VALUES (${columns.map(() => '?').join(',')})`
			)
			.run(...columns.map((c) => row[c]));
	return { sqlite, db, entries, insert };
}

/** Verify finds it, names one of the expected problems, and signs nothing. */
function expectCaught(world: World, db: AppDatabase, problems: ChainProblem['problem'][]) {
	const checkpoints = db.$client.prepare('SELECT count(*) AS n FROM chain_checkpoint').get();
	const outside = world.anchor.latest();
	const result = verifyAndCheckpoint(db, new Date(), { anchor: world.anchor });
	expect(result.ok).toBe(false);
	expect(problems).toContain(result.problems[0]!.problem);
	expect(db.$client.prepare('SELECT count(*) AS n FROM chain_checkpoint').get()).toEqual(
		checkpoints
	);
	expect(world.anchor.latest()).toEqual(outside);
	return result;
}

describe('a record that cannot be rewritten quietly, even with the database file', () => {
	let world: World;
	beforeAll(async () => {
		world = await seeded();
	});
	const tried: string[] = [];
	const attack = (name: string, fn: () => void) =>
		it(name, () => {
			tried.push(name);
			fn();
		});

	it('finds an untouched copy whole', () => {
		const { db } = open(world);
		const result = verifyChains(db, { anchor: world.anchor });
		expect(result.problems).toEqual([]);
		expect(result.mediaFiles).toBe(2);
		expect(result.logRows).toBeGreaterThan(10);
	});

	attack('appends a forged entry with a recomputed (unkeyed) hash', () => {
		const { db, entries, insert } = open(world);
		const head = entries().at(-1)!;
		const forged = {
			...head,
			id: 'forged-entry',
			seq: (head.seq! as number) + 1,
			prev_hash: head.hash
		};
		forged.title = 'A visit that never happened';
		insert({ ...forged, hash: plainHash(forged) });
		expectCaught(world, db, ['changed']);
	});

	attack('appends a forged entry hashed with a guessed key', () => {
		const { db, entries, insert } = open(world);
		const head = entries().at(-1)!;
		const forged = {
			...head,
			id: 'forged-entry',
			seq: (head.seq! as number) + 1,
			prev_hash: head.hash
		};
		insert({ ...forged, hash: wrongKeyHash(forged) });
		expectCaught(world, db, ['changed']);
	});

	attack('rewrites the entries after the latest checkpoint, rehashing them', () => {
		const { sqlite, db, entries } = open(world);
		let prev: string | null = null;
		for (const row of entries()) {
			if (Number(row.seq) <= 10) {
				prev = row.hash as string;
				continue;
			}
			const rewritten = { ...row, title: `${row.title} (rewritten)`, prev_hash: prev };
			const hash = plainHash(rewritten);
			sqlite
				.prepare('UPDATE entry SET title = ?, prev_hash = ?, hash = ? WHERE id = ?')
				.run(rewritten.title, prev, hash, row.id);
			prev = hash;
		}
		expectCaught(world, db, ['changed']);
	});

	attack('truncates the record below the signed checkpoint', () => {
		const { sqlite, db } = open(world);
		sqlite.prepare('DELETE FROM entry WHERE child_id = ? AND seq >= 9').run(world.childId);
		expectCaught(world, db, ['missing']);
	});

	attack('deletes the newest checkpoint', () => {
		const { sqlite, db } = open(world);
		sqlite.exec('DELETE FROM chain_checkpoint WHERE id = (SELECT max(id) FROM chain_checkpoint)');
		expectCaught(world, db, ['checkpoint-missing']);
	});

	attack('deletes an older checkpoint', () => {
		const { sqlite, db } = open(world);
		sqlite.exec('DELETE FROM chain_checkpoint WHERE id = (SELECT min(id) FROM chain_checkpoint)');
		expectCaught(world, db, ['checkpoint-chain']);
	});

	attack('deletes every checkpoint, then rewrites the whole chain freely', () => {
		const { sqlite, db, entries } = open(world);
		sqlite.exec('DELETE FROM chain_checkpoint');
		let prev: string | null = null;
		for (const row of entries()) {
			const rewritten = { ...row, title: `${row.title} (rewritten)`, prev_hash: prev };
			const hash = plainHash(rewritten);
			sqlite
				.prepare('UPDATE entry SET title = ?, prev_hash = ?, hash = ? WHERE id = ?')
				.run(rewritten.title, prev, hash, row.id);
			prev = hash;
		}
		const result = expectCaught(world, db, ['checkpoint-missing']);
		expect(result.problems.map((p) => p.problem)).toContain('changed');
	});

	attack('forges a checkpoint over a rewritten chain', () => {
		const { sqlite, db } = open(world);
		sqlite
			.prepare('INSERT INTO chain_checkpoint (created_at, heads, mac, version) VALUES (?, ?, ?, 2)')
			.run(Date.now(), '[]', '00'.repeat(32));
		expectCaught(world, db, ['forged-checkpoint']);
	});

	attack('passes a forged checkpoint off as an old-style (version 1) one', () => {
		const { sqlite, db } = open(world);
		sqlite
			.prepare('INSERT INTO chain_checkpoint (created_at, heads, mac, version) VALUES (?, ?, ?, 1)')
			.run(Date.now(), '[]', '00'.repeat(32));
		expectCaught(world, db, ['forged-checkpoint']);
	});

	attack('replaces a photo on disk', () => {
		const { db } = open(world);
		const file = mediaFile(world.photoId, 'display', 'webp');
		const original = fs.readFileSync(file);
		try {
			fs.writeFileSync(file, Buffer.concat([original, Buffer.from('x')]));
			expectCaught(world, db, ['media-changed']);
		} finally {
			fs.writeFileSync(file, original);
		}
	});

	attack("replaces a photo's thumbnail on disk", () => {
		const { db } = open(world);
		const file = mediaFile(world.photoId, 'thumb', 'webp');
		const original = fs.readFileSync(file);
		try {
			fs.writeFileSync(file, Buffer.from('not the picture'));
			expectCaught(world, db, ['media-changed']);
		} finally {
			fs.writeFileSync(file, original);
		}
	});

	attack('removes a photo from disk', () => {
		const { db } = open(world);
		const file = mediaFile(world.photoId, 'display', 'webp');
		const original = fs.readFileSync(file);
		try {
			fs.rmSync(file);
			expectCaught(world, db, ['media-missing']);
		} finally {
			fs.writeFileSync(file, original);
		}
	});

	attack("removes a photo's row from the database", () => {
		const { sqlite, db } = open(world);
		sqlite.prepare('DELETE FROM media WHERE id = ?').run(world.photoId);
		expectCaught(world, db, ['media-missing']);
	});

	attack('deletes a row from the middle of the access log', () => {
		const { sqlite, db } = open(world);
		sqlite.exec('DELETE FROM access_log WHERE id = 5');
		expectCaught(world, db, ['log-changed']);
	});

	attack('changes a row of the access log', () => {
		const { sqlite, db } = open(world);
		sqlite.exec("UPDATE access_log SET actor_name = 'Someone else' WHERE id = 3");
		expectCaught(world, db, ['log-changed']);
	});

	attack('slips an unchained row into the access log', () => {
		const { sqlite, db } = open(world);
		sqlite.exec("INSERT INTO access_log (at, action) VALUES (0, 'record-viewed')");
		expectCaught(world, db, ['log-changed']);
	});

	attack('cuts rows off the end of the access log, below the signed head', () => {
		const { sqlite, db } = open(world);
		const { log_head } = sqlite
			.prepare('SELECT log_head FROM chain_checkpoint ORDER BY id DESC LIMIT 1')
			.get() as { log_head: string };
		sqlite.prepare('DELETE FROM access_log WHERE id >= ?').run(Number(log_head.split(':')[0]) - 1);
		expectCaught(world, db, ['log-missing']);
	});

	it('was tried every way', () => {
		expect(tried).toHaveLength(17);
	});
});

describe('the quick check of what was added since the newest checkpoint', () => {
	let world: World;
	beforeAll(async () => {
		world = await seeded();
	});
	const recent = (db: AppDatabase) => verifyRecent(db, { anchor: world.anchor });

	it('signs a new checkpoint only when the newest is old enough', () => {
		const { db } = open(world);
		const anchor = memoryAnchor();
		const count = () => db.$client.prepare('SELECT count(*) FROM chain_checkpoint').pluck().get();
		const before = count() as number;
		const day = 24 * 60 * 60 * 1000;
		const at = (ms: number) => new Date(Date.now() + ms);
		const check = (when: Date) =>
			verifyAndCheckpoint(db, when, { anchor, recent: true, signEvery: day }).ok;
		expect(check(at(2 * day))).toBe(true);
		expect(check(at(2 * day + 3_600_000))).toBe(true);
		expect(count()).toBe(before + 1);
		expect(check(at(3 * day))).toBe(true);
		expect(count()).toBe(before + 2);
	});

	it('never clears an alert a full walk raised, nor signs while one is open', () => {
		const { sqlite, db } = open(world);
		const anchor = memoryAnchor();
		// An old entry changed: below the newest checkpoint, where only the full walk looks.
		sqlite
			.prepare("UPDATE entry SET title = 'x' WHERE child_id = ? AND seq = 2")
			.run(world.childId);
		expect(verifyAndCheckpoint(db, new Date(), { anchor }).ok).toBe(false);
		const count = () => db.$client.prepare('SELECT count(*) FROM chain_checkpoint').pluck().get();
		const before = count();
		expect(verifyRecent(db, { anchor }).ok).toBe(true);
		verifyAndCheckpoint(db, new Date(Date.now() + 2 * 86_400_000), { anchor, recent: true });
		expect(count()).toBe(before);
		expect(openAlerts(db)).not.toEqual([]);
	});

	it('reads only the new entries and access-log rows', () => {
		const { db } = open(world);
		const result = recent(db);
		expect(result.problems).toEqual([]);
		// Places 11 and 12 only; the photo is older than the checkpoint.
		expect(result.entries).toBe(2);
		expect(result.mediaFiles).toBe(0);
		expect(result.logRows).toBeLessThan(10);
	});

	it('catches forged or rewritten new entries, a cut below the head, and deleted checkpoints', () => {
		const cases: [string, (o: ReturnType<typeof open>) => void, ChainProblem['problem']][] = [
			[
				'forged entry',
				({ entries, insert }) => {
					const head = entries().at(-1)!;
					const forged = { ...head, id: 'forged', seq: Number(head.seq) + 1, prev_hash: head.hash };
					insert({ ...forged, hash: plainHash(forged) });
				},
				'changed'
			],
			[
				'rewritten',
				({ sqlite }) =>
					void sqlite
						.prepare("UPDATE entry SET title = 'x' WHERE child_id = ? AND seq = 12")
						.run(world.childId),
				'changed'
			],
			[
				'cut below the head',
				({ sqlite }) =>
					void sqlite
						.prepare('DELETE FROM entry WHERE child_id = ? AND seq >= 10')
						.run(world.childId),
				'missing'
			],
			[
				'newest checkpoint deleted',
				({ sqlite }) =>
					void sqlite.exec(
						'DELETE FROM chain_checkpoint WHERE id = (SELECT max(id) FROM chain_checkpoint)'
					),
				'checkpoint-missing'
			],
			[
				'log row after the head changed',
				({ sqlite }) =>
					void sqlite.exec(
						"UPDATE access_log SET address = 'x' WHERE id = (SELECT max(id) FROM access_log)"
					),
				'log-changed'
			]
		];
		for (const [name, tamper, expected] of cases) {
			const attacked = open(world);
			tamper(attacked);
			const result = recent(attacked.db);
			expect(result.ok, name).toBe(false);
			expect(
				result.problems.map((p) => p.problem),
				name
			).toContain(expected);
		}
	});
});

describe('the append-only triggers', () => {
	it('are put back when dropped or weakened, and that is reported', () => {
		const db = createTestDb();
		const error = vi.spyOn(console, 'error').mockImplementation(() => {});
		db.$client.exec('DROP TRIGGER entry_final_no_update');
		db.$client.exec('DROP TRIGGER access_log_no_delete');
		db.$client.exec(`DROP TRIGGER entry_final_no_delete;
			CREATE TRIGGER entry_final_no_delete BEFORE DELETE ON entry WHEN 0 BEGIN SELECT 1; END;`);
		expect(restoreTriggers(db.$client).sort()).toEqual([
			'access_log_no_delete',
			'entry_final_no_delete',
			'entry_final_no_update'
		]);
		expect(error).toHaveBeenCalledWith(expect.stringContaining('entry_final_no_update'));
		expect(openAlerts(db)).toEqual([expect.objectContaining({ kind: 'triggers', childId: null })]);
		accessLog.record(db, { actor: null, action: 'sign-in-failed' });
		expect(() => db.$client.exec('DELETE FROM access_log')).toThrow(/append-only/);
		expect(restoreTriggers(db.$client)).toEqual([]);
		error.mockRestore();
	});
});

describe('when verify finds a break', () => {
	it('raises an alert for the record until a verify finds it whole again', async () => {
		const world = await seeded();
		const { sqlite, db } = open(world);
		const original = sqlite
			.prepare('SELECT title FROM entry WHERE child_id = ? AND seq = 2')
			.get(world.childId) as { title: string };
		sqlite
			.prepare("UPDATE entry SET title = 'Changed' WHERE child_id = ? AND seq = 2")
			.run(world.childId);
		verifyAndCheckpoint(db, new Date(), { anchor: world.anchor });
		verifyAndCheckpoint(db, new Date(), { anchor: world.anchor });
		expect(openAlerts(db)).toHaveLength(1);
		expect(recordAlertSince(db, world.childId)).toBeInstanceOf(Date);
		const logged = sqlite
			.prepare("SELECT count(*) AS n FROM access_log WHERE action = 'integrity-check-failed'")
			.get() as { n: number };
		// Each failed check: one line for the check, one for the record it names.
		expect(logged.n).toBe(4);
		// Restored from a backup: the next verify clears it and signs again.
		sqlite
			.prepare('UPDATE entry SET title = ? WHERE child_id = ? AND seq = 2')
			.run(original.title, world.childId);
		expect(verifyAndCheckpoint(db, new Date(), { anchor: world.anchor }).ok).toBe(true);
		expect(openAlerts(db)).toEqual([]);
		expect(recordAlertSince(db, world.childId)).toBeNull();
	});
});

describe('records from before hashes were keyed', () => {
	it('are trusted where a signed checkpoint covers them, and nowhere after', async () => {
		const world = await seeded();
		const { sqlite, db, entries, insert } = open(world);
		// Rewrite the whole history as the first releases hashed it, with an old-style checkpoint.
		sqlite.exec('DELETE FROM chain_checkpoint');
		let prev: string | null = null;
		for (const row of entries()) {
			const hash = plainHash({ ...row, prev_hash: prev });
			sqlite
				.prepare('UPDATE entry SET prev_hash = ?, hash = ? WHERE id = ?')
				.run(prev, hash, row.id);
			prev = hash;
		}
		const heads = JSON.stringify([[world.childId, entries().length, prev]]);
		const key = (await import('../crypto/secret')).deriveKey('chain-checkpoint');
		sqlite
			.prepare('INSERT INTO chain_checkpoint (created_at, heads, mac, version) VALUES (?, ?, ?, 1)')
			.run(Date.now(), heads, createHmac('sha256', key).update(heads).digest('hex'));
		const fresh = memoryAnchor();
		expect(verifyAndCheckpoint(db, new Date(), { anchor: fresh }).problems).toEqual([]);
		// An unkeyed entry added after that checkpoint is a forgery.
		const head = entries().at(-1)!;
		const forged = {
			...head,
			id: 'forged-entry',
			seq: (head.seq! as number) + 1,
			prev_hash: head.hash
		};
		insert({ ...forged, hash: plainHash(forged) });
		const result = verifyChains(db, { anchor: fresh });
		expect(result.problems[0]).toMatchObject({ problem: 'changed', entryId: 'forged-entry' });
	});
});

describe('the access log', () => {
	it('chains every row as it is written', () => {
		const db = createTestDb();
		const w = makeWorld(db);
		for (let i = 0; i < 3; i++) {
			accessLog.record(db, {
				actor: w.keyWorker,
				action: 'record-viewed',
				childId: w.child.profile.id
			});
		}
		const rows = db.$client.prepare('SELECT prev_hash, hash FROM access_log ORDER BY id').all() as {
			prev_hash: string | null;
			hash: string;
		}[];
		expect(rows.length).toBeGreaterThan(1);
		expect(rows[0]!.prev_hash).toBeNull();
		for (let i = 1; i < rows.length; i++) expect(rows[i]!.prev_hash).toBe(rows[i - 1]!.hash);
		expect(verifyChains(db).ok).toBe(true);
	});
});
