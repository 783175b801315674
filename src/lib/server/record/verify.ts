import { sql } from 'drizzle-orm';
import type { AppDatabase, Db } from '../db';
import {
	currentHeads,
	hashOf,
	latestCheckpoint,
	macMatches,
	writeCheckpoint,
	type RawEntry
} from './chain';

export type ChainProblem = {
	childId: string;
	seq: number;
	/** The entry at fault, when there is one to name (not for an entry that is gone). */
	entryId: string | null;
	problem:
		'changed' | 'broken-link' | 'missing' | 'unexpected' | 'checkpoint' | 'forged-checkpoint';
};

export type VerifyResult = {
	ok: boolean;
	entries: number;
	children: number;
	problems: ChainProblem[];
};

function describeMissing(db: Db, childId: string, seq: number): ChainProblem {
	// A row still holding that place (its status altered, say) is the one to name.
	const holder = db.get<{ id: string }>(
		sql`SELECT id FROM entry WHERE child_id = ${childId} AND seq = ${seq} LIMIT 1`
	);
	return { childId, seq, entryId: holder?.id ?? null, problem: 'missing' };
}

/** Walks every child's chain, then checks the heads against the last signed checkpoint. */
export function verifyChains(db: AppDatabase): VerifyResult {
	// One row at a time: an organisation's whole record (millions of entries) never sits in memory.
	const rows = db.$client
		.prepare(`SELECT * FROM entry WHERE status = 'final' ORDER BY child_id, seq, rowid`)
		.iterate() as IterableIterator<RawEntry>;
	const problems: ChainProblem[] = [];
	// Gaps are named after the walk: the connection reads nothing else while it iterates.
	const gaps: ChainProblem[] = [];
	let entries = 0;
	let children = 0;
	// An entry of no child at all was moved or made up: name it before anything else.
	const orphans = db.all<{ id: string; child_id: string; seq: number }>(
		sql`SELECT id, child_id, seq FROM entry WHERE status = 'final' AND child_id NOT IN (SELECT id FROM child_profile)`
	);
	for (const orphan of orphans) {
		problems.push({
			childId: orphan.child_id,
			seq: orphan.seq,
			entryId: orphan.id,
			problem: 'unexpected'
		});
	}
	const orphanChildren = new Set(orphans.map((o) => o.child_id));
	const lastSeq = new Map<string, number>();
	const broken = new Set<string>();
	let childId: string | null = null;
	let expected = 1;
	let previous: string | null = null;
	for (const row of rows) {
		const child = String(row.child_id);
		entries++;
		if (child !== childId) {
			childId = child;
			children++;
			expected = 1;
			previous = null;
		}
		const seq = typeof row.seq === 'number' ? row.seq : NaN;
		if (broken.has(child) || orphanChildren.has(child)) continue;
		const fail = (problem: ChainProblem) => {
			problems.push(problem);
			broken.add(child);
		};
		if (seq > expected) {
			const gap: ChainProblem = {
				childId: child,
				seq: expected,
				entryId: null,
				problem: 'missing'
			};
			gaps.push(gap);
			fail(gap);
		} else if (seq !== expected)
			fail({ childId: child, seq: expected, entryId: String(row.id), problem: 'unexpected' });
		else if (row.prev_hash !== previous)
			fail({ childId: child, seq, entryId: String(row.id), problem: 'broken-link' });
		else if (hashOf(row) !== row.hash)
			fail({ childId: child, seq, entryId: String(row.id), problem: 'changed' });
		else {
			lastSeq.set(child, seq);
			previous = String(row.hash);
			expected++;
		}
	}
	for (const gap of gaps) gap.entryId = describeMissing(db, gap.childId, gap.seq).entryId;
	const checkpoint = latestCheckpoint(db);
	if (checkpoint) {
		if (!macMatches(checkpoint.heads, checkpoint.mac)) {
			problems.push({ childId: '', seq: 0, entryId: null, problem: 'forged-checkpoint' });
		} else {
			for (const [child, seq, hash] of JSON.parse(checkpoint.heads) as [string, number, string][]) {
				if (broken.has(child)) continue;
				const reached = lastSeq.get(child) ?? 0;
				if (reached < seq) problems.push(describeMissing(db, child, reached + 1));
				else {
					const atCheckpoint = db.get<{ id: string; hash: string }>(
						sql`SELECT id, hash FROM entry WHERE child_id = ${child} AND seq = ${seq} AND status = 'final'`
					);
					if (atCheckpoint?.hash !== hash) {
						problems.push({
							childId: child,
							seq,
							entryId: atCheckpoint?.id ?? null,
							problem: 'checkpoint'
						});
					}
				}
			}
		}
	}
	return {
		ok: problems.length === 0,
		entries,
		children,
		problems
	};
}

/** Verify, and when every chain is whole, sign a new checkpoint of their heads. */
export function verifyAndCheckpoint(db: AppDatabase, now = new Date()): VerifyResult {
	const result = verifyChains(db);
	if (result.ok) writeCheckpoint(db, currentHeads(db), now);
	return result;
}
