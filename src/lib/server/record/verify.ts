import { sql } from 'drizzle-orm';
import type { AppDatabase, Db } from '../db';
import {
	checkpointFrom,
	checkpointSigned,
	currentHeads,
	hashOf,
	latestCheckpoint,
	legacyHashOf,
	writeCheckpoint,
	type Checkpoint,
	type RawEntry
} from './chain';
import { anchorFor, type Anchor } from './anchor';
import { verifyLog, logHead } from './verify-log';
import { verifyMedia } from './verify-media';
import { openAlerts, raiseAlerts, resolveAlerts } from './alerts';
import { verifyRecent } from './verify-recent';

export type ChainProblem = {
	childId: string;
	/** The place in the child's chain; for the access log, the row's id. */
	seq: number;
	/** The entry (or media file) at fault, when there is one to name (not for one that is gone). */
	entryId: string | null;
	problem:
		| 'changed'
		| 'broken-link'
		| 'missing'
		| 'unexpected'
		| 'checkpoint'
		| 'forged-checkpoint'
		| 'checkpoint-chain'
		| 'checkpoint-missing'
		| 'log-changed'
		| 'log-missing'
		| 'media-changed'
		| 'media-missing';
};

export type VerifyResult = {
	ok: boolean;
	entries: number;
	children: number;
	logRows: number;
	mediaFiles: number;
	problems: ChainProblem[];
};

export type VerifyOptions = {
	/** The copy of the checkpoints kept outside the database. */
	anchor?: Anchor;
	/** Only what was added since the newest checkpoint (verify-recent.ts); else everything. */
	recent?: boolean;
	/**
	 * Sign only when the newest checkpoint is at least this old (ms): each checkpoint holds every
	 * chain's head, so the hourly quick check signs about once a day, not 24 times.
	 */
	signEvery?: number;
	/** Read every photo and recording on disk too (the default). */
	media?: boolean;
};

function describeMissing(db: Db, childId: string, seq: number): ChainProblem {
	// A row still holding that place (its status altered, say) is the one to name.
	const holder = db.get<{ id: string }>(
		sql`SELECT id FROM entry WHERE child_id = ${childId} AND seq = ${seq} LIMIT 1`
	);
	return { childId, seq, entryId: holder?.id ?? null, problem: 'missing' };
}

/**
 * The checkpoints, oldest first: each must carry a valid MAC, and from version 2 on name the one
 * before it; the newest copy outside the database must still be here, unchanged. Returns the newest
 * checkpoint that can be trusted, if any.
 */
function verifyCheckpoints(db: AppDatabase, anchor: Anchor, problems: ChainProblem[]) {
	const rows = db.$client
		.prepare('SELECT * FROM chain_checkpoint ORDER BY id')
		.iterate() as IterableIterator<Record<string, unknown>>;
	let previous: Checkpoint | null = null;
	let sawVersion2 = false;
	let trusted: Checkpoint | null = null;
	const byId = new Map<number, string>();
	let failed = false;
	for (const raw of rows) {
		const c = checkpointFrom(raw);
		byId.set(c.id, c.mac);
		if (failed) continue;
		if (!checkpointSigned(c) || (sawVersion2 && c.version !== 2)) {
			problems.push({ childId: '', seq: c.id, entryId: null, problem: 'forged-checkpoint' });
			failed = true;
		} else if (c.version === 2 && c.prevMac !== (previous?.mac ?? null)) {
			problems.push({ childId: '', seq: c.id, entryId: null, problem: 'checkpoint-chain' });
			failed = true;
		} else {
			sawVersion2 ||= c.version === 2;
			trusted = c;
		}
		previous = c;
	}
	const outside = anchor.latest();
	if (outside && byId.get(outside.id) !== outside.mac) {
		problems.push({ childId: '', seq: outside.id, entryId: null, problem: 'checkpoint-missing' });
		failed = true;
	}
	return { latest: failed ? null : trusted, any: byId.size > 0 || outside !== null };
}

/** One child's chain as it is walked: the place and previous hash the next entry must have. */
export type ChainWalk = {
	child: string;
	expected: number;
	previous: string | null;
	keyedSeen: boolean;
};

export function startWalk(child: string, expected: number, previous: string | null): ChainWalk {
	return { child, expected, previous, keyedSeen: false };
}

/**
 * Checks the next entry of a chain: its place, its link to the one before and its keyed hash (or,
 * where `legacyAllowed` says a signed checkpoint covers it, its hash from before hashes were keyed).
 * Returns what is wrong, or null and moves the walk on.
 */
export function stepChain(
	walk: ChainWalk,
	row: RawEntry,
	legacyAllowed: (child: string, seq: number) => boolean
): ChainProblem | null {
	const { child, expected } = walk;
	const seq = typeof row.seq === 'number' ? row.seq : NaN;
	const id = String(row.id);
	if (seq > expected) return { childId: child, seq: expected, entryId: null, problem: 'missing' };
	if (seq !== expected)
		return { childId: child, seq: expected, entryId: id, problem: 'unexpected' };
	if (row.prev_hash !== walk.previous) {
		return { childId: child, seq, entryId: id, problem: 'broken-link' };
	}
	const keyed = hashOf(row) === row.hash;
	const legacy =
		!keyed && !walk.keyedSeen && legacyAllowed(child, seq) && legacyHashOf(row) === row.hash;
	if (!keyed && !legacy) return { childId: child, seq, entryId: id, problem: 'changed' };
	walk.keyedSeen ||= keyed;
	walk.previous = String(row.hash);
	walk.expected++;
	return null;
}

/**
 * Walks every child's chain, the checkpoints and their outside copy, the access log and the media
 * files, and names what does not match. It changes nothing.
 */
export function verifyChains(db: AppDatabase, options: VerifyOptions = {}): VerifyResult {
	const anchor = options.anchor ?? anchorFor(db);
	const problems: ChainProblem[] = [];
	const checkpoint = verifyCheckpoints(db, anchor, problems);
	const signedHeads = new Map<string, { seq: number; hash: string }>(
		checkpoint.latest
			? (JSON.parse(checkpoint.latest.heads) as [string, number, string][]).map(
					([child, seq, hash]) => [child, { seq, hash }]
				)
			: []
	);
	// Unkeyed hashes come from before hashes were keyed: trusted only where a signed checkpoint
	// already covers them (or on the very first check of a database that never had one).
	const legacyAllowed = (child: string, seq: number) =>
		checkpoint.latest ? seq <= (signedHeads.get(child)?.seq ?? 0) : !checkpoint.any;

	// One row at a time: an organisation's whole record (millions of entries) never sits in memory.
	const rows = db.$client
		.prepare(`SELECT * FROM entry WHERE status = 'final' ORDER BY child_id, seq, rowid`)
		.iterate() as IterableIterator<RawEntry>;
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
	let walk: ChainWalk | null = null;
	for (const row of rows) {
		const child = String(row.child_id);
		entries++;
		if (child !== walk?.child) {
			walk = startWalk(child, 1, null);
			children++;
		}
		if (broken.has(child) || orphanChildren.has(child)) continue;
		const problem = stepChain(walk, row, legacyAllowed);
		if (problem) {
			if (problem.problem === 'missing') gaps.push(problem);
			problems.push(problem);
			broken.add(child);
		} else lastSeq.set(child, walk.expected - 1);
	}
	for (const gap of gaps) gap.entryId = describeMissing(db, gap.childId, gap.seq).entryId;
	for (const [child, { seq, hash }] of signedHeads) {
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
	const log = verifyLog(db, checkpoint.latest?.logHead ?? null, problems);
	const mediaFiles = options.media === false ? 0 : verifyMedia(db, broken, problems);
	return { ok: problems.length === 0, entries, children, logRows: log, mediaFiles, problems };
}

/**
 * Verify, and only when everything is whole, sign a new checkpoint (chained to the one before,
 * covering every chain's head and the access log's, as the walk saw them) and copy it outside the
 * database. Verify never signs over a change it cannot explain: a problem raises the integrity
 * alerts instead, which a later verify that finds everything whole clears.
 */
export function verifyAndCheckpoint(
	db: AppDatabase,
	now = new Date(),
	options: VerifyOptions = {}
): VerifyResult {
	const anchor = options.anchor ?? anchorFor(db);
	// One read snapshot for the walk and the heads it signs: nothing written meanwhile is signed unseen.
	const snapshot = !db.$client.inTransaction;
	if (snapshot) db.$client.exec('BEGIN');
	let result: VerifyResult;
	let heads: ReturnType<typeof currentHeads>;
	let log: string | null;
	try {
		result = (options.recent ? verifyRecent : verifyChains)(db, { ...options, anchor });
		heads = currentHeads(db);
		log = logHead(db);
	} finally {
		if (snapshot) db.$client.exec('COMMIT');
	}
	if (!result.ok) {
		raiseAlerts(db, result.problems, now);
		return result;
	}
	// A quick check saw only what is new: while an alert from a full walk is open, it neither signs
	// over the rest nor clears the alert. Only a full walk that finds everything whole does.
	if (options.recent && openAlerts(db).length > 0) return result;
	const newest = latestCheckpoint(db);
	const due = !newest || now.getTime() - newest.createdAt.getTime() >= (options.signEvery ?? 0);
	if (due) {
		const signed = writeCheckpoint(db, heads, log, now);
		anchor.append({ id: signed.id, createdAt: now.toISOString(), mac: signed.mac });
	}
	resolveAlerts(db, now);
	return result;
}
