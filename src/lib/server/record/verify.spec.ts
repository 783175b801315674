import { describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import { drizzle } from 'drizzle-orm/better-sqlite3';
import { createTestDb } from '../test/db';
import { assignTo, finalEntry, makeWorld } from '../test/factories';
import * as schema from '../db/schema';
import type { AppDatabase } from '../db';
import { hashOf, hashedColumns, laterColumns, type RawEntry } from './chain';
import { verifyAndCheckpoint, verifyChains, type ChainProblem } from './verify';

/** A small seeded record: three children, with entries of every shape, and a signed checkpoint. */
function seeded(): Buffer {
	const db = createTestDb();
	const w = makeWorld(db);
	assignTo(db, w.socialWorker, w.careLeaver.profile.id, 'social_worker');
	const children = [w.child.profile.id, w.careLeaver.profile.id, w.otherChild.profile.id];
	const start = new Date('2025-01-01T10:00:00Z').getTime();
	let n = 0;
	for (let i = 0; i < 45; i++) {
		const childId = children[i % 3]!;
		const author = childId === w.child.profile.id ? w.keyWorker : w.socialWorker;
		if (childId === w.otherChild.profile.id) continue;
		finalEntry(
			db,
			author,
			childId,
			{
				title: `Entry ${i}`,
				visibility: i % 5 === 0 ? 'staff_only' : 'shared',
				nature: i % 4 === 0 ? 'opinion' : 'fact',
				opinionReasons: i % 4 === 0 ? 'Because of what was seen.' : null,
				eventDate: `2024-0${(i % 9) + 1}-1${i % 9}`
			},
			new Date(start + n++ * 3_600_000)
		);
	}
	expect(verifyAndCheckpoint(db).ok).toBe(true);
	return db.$client.serialize();
}

/** A deterministic random sequence, so a failure can be reproduced. */
function random(seed: number) {
	return () => {
		seed = (seed + 0x6d2b79f5) | 0;
		let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
		t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

function open(image: Buffer) {
	const sqlite = new Database(image);
	// Someone tampering turns off whatever is in their way.
	sqlite.pragma('foreign_keys = OFF');
	for (const name of ['entry_final_no_update', 'entry_final_no_delete'])
		sqlite.exec(`DROP TRIGGER ${name}`);
	return { sqlite, db: drizzle(sqlite, { schema }) as unknown as AppDatabase };
}

type Expect = (p: ChainProblem) => boolean;

const mutations: Record<
	string,
	(sqlite: Database.Database, rows: RawEntry[], pick: <T>(a: T[]) => T) => Expect
> = {
	edit(sqlite, rows, pick) {
		const row = pick(rows);
		const column = pick<keyof RawEntry>([...hashedColumns, ...laterColumns, 'hash']);
		const value = row[column];
		const changed =
			column === 'seq'
				? Number(value) + 1000
				: typeof value === 'number'
					? value + 1
					: value === null
						? 'x'
						: `${value}x`;
		sqlite.prepare(`UPDATE entry SET ${column} = ? WHERE id = ?`).run(changed, row.id);
		return (p) => p.entryId === row.id || (p.childId === row.child_id && p.seq === row.seq);
	},
	delete(sqlite, rows, pick) {
		const row = pick(rows);
		sqlite.prepare('DELETE FROM entry WHERE id = ?').run(row.id);
		return (p) => p.childId === row.child_id && p.seq === row.seq;
	},
	insert(sqlite, rows, pick) {
		const template = pick(rows);
		const childRows = rows.filter((r) => r.child_id === template.child_id);
		const head = childRows[childRows.length - 1]!;
		const forged = {
			...template,
			id: `forged${Math.random()}`,
			seq: Number(head.seq) + 1,
			prev_hash: head.hash,
			title: 'Inserted'
		};
		forged.hash = pick([
			hashOf(template),
			'f'.repeat(64),
			hashOf({ ...forged, title: 'Something else' })
		]);
		const columns = [...hashedColumns, ...laterColumns, 'hash'] as const;
		sqlite
			.prepare(
				`INSERT INTO entry (${columns.join(',')}) VALUES (${columns.map(() => '?').join(',')})`
			)
			.run(...columns.map((c) => forged[c]));
		return (p) => p.entryId === forged.id;
	},
	reorder(sqlite, rows, pick) {
		const first = pick(rows);
		const sameChild = rows.filter((r) => r.child_id === first.child_id && r.id !== first.id);
		const second = pick(sameChild);
		const swap = sqlite.prepare('UPDATE entry SET seq = ? WHERE id = ?');
		swap.run(-1, first.id);
		swap.run(first.seq, second.id);
		swap.run(second.seq, first.id);
		return (p) => p.entryId === first.id || p.entryId === second.id;
	},
	truncate(sqlite, rows, pick) {
		const from = pick(rows);
		sqlite
			.prepare('DELETE FROM entry WHERE child_id = ? AND seq >= ?')
			.run(from.child_id, from.seq);
		return (p) => p.childId === from.child_id && p.seq === from.seq;
	}
};

describe('proof that history was never changed', () => {
	const image = seeded();

	it('finds nothing wrong with an untouched record', () => {
		const { db } = open(image);
		const result = verifyChains(db);
		expect(result).toMatchObject({ ok: true, problems: [], children: 2 });
		expect(result.entries).toBe(30);
	});

	it('detects 1,000 random single changes made with SQL, and names the right entry', () => {
		const next = random(20261121);
		const pick = <T>(items: T[]): T => items[Math.floor(next() * items.length)]!;
		const kinds = Object.keys(mutations);
		const missed: string[] = [];
		for (let i = 0; i < 1000; i++) {
			const { sqlite, db } = open(image);
			const rows = sqlite
				.prepare("SELECT * FROM entry WHERE status = 'final' ORDER BY child_id, seq")
				.all() as RawEntry[];
			const kind = kinds[i % kinds.length]!;
			const right = mutations[kind]!(sqlite, rows, pick);
			const { ok, problems } = verifyChains(db);
			if (ok || !right(problems[0]!))
				missed.push(`${i} ${kind}: ${JSON.stringify(problems[0] ?? null)}`);
			sqlite.close();
		}
		expect(missed).toEqual([]);
	}, 120_000);

	it('catches a whole chain recomputed without the key, by the signed checkpoint', () => {
		const { sqlite, db } = open(image);
		const rows = sqlite
			.prepare("SELECT * FROM entry WHERE status = 'final' ORDER BY child_id, seq")
			.all() as RawEntry[];
		const child = rows[0]!.child_id;
		let previous: string | null = null;
		for (const row of rows.filter((r) => r.child_id === child)) {
			const rewritten = { ...row, title: `${row.title} (rewritten)`, prev_hash: previous };
			const hash = hashOf(rewritten);
			sqlite
				.prepare('UPDATE entry SET title = ?, prev_hash = ?, hash = ? WHERE id = ?')
				.run(rewritten.title, previous, hash, row.id);
			previous = hash;
		}
		const { ok, problems } = verifyChains(db);
		expect(ok).toBe(false);
		expect(problems[0]).toMatchObject({ childId: child, problem: 'checkpoint' });
		// A checkpoint forged to match the rewritten chain fails its signature.
		sqlite
			.prepare('INSERT INTO chain_checkpoint (created_at, heads, mac) VALUES (?, ?, ?)')
			.run(Date.now(), '[]', '00'.repeat(32));
		expect(verifyChains(db).problems[0]).toMatchObject({ problem: 'forged-checkpoint' });
	});
});
