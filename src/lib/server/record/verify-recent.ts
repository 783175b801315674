import type { AppDatabase } from '../db';
import {
	checkpointFrom,
	checkpointSigned,
	currentHeads,
	type Checkpoint,
	type RawEntry
} from './chain';
import { anchorFor } from './anchor';
import { verifyLog } from './verify-log';
import { verifyMedia } from './verify-media';
import {
	startWalk,
	stepChain,
	verifyChains,
	type ChainProblem,
	type VerifyOptions,
	type VerifyResult
} from './verify';

function checkpointAt(db: AppDatabase, where: 'latest' | { before: number }): Checkpoint | null {
	const row = (
		where === 'latest'
			? db.$client.prepare('SELECT * FROM chain_checkpoint ORDER BY id DESC LIMIT 1').get()
			: db.$client
					.prepare('SELECT * FROM chain_checkpoint WHERE id < ? ORDER BY id DESC LIMIT 1')
					.get(where.before)
	) as Record<string, unknown> | undefined;
	return row ? checkpointFrom(row) : null;
}

/**
 * The newest checkpoint, when a quick check can start from it: signed, new-style, linked to the
 * one before, and matching the copy outside the database. Otherwise only a full walk will do.
 */
export function trustedCheckpoint(db: AppDatabase, anchor = anchorFor(db)): Checkpoint | null {
	const latest = checkpointAt(db, 'latest');
	if (!latest || latest.version !== 2 || !checkpointSigned(latest)) return null;
	const before = checkpointAt(db, { before: latest.id });
	if (latest.prevMac !== (before?.mac ?? null)) return null;
	const outside = anchor.latest();
	const copied =
		outside === null ||
		db.$client.prepare('SELECT mac FROM chain_checkpoint WHERE id = ?').pluck().get(outside.id) ===
			outside.mac;
	return copied ? latest : null;
}

/**
 * Only what was added since the newest checkpoint, so that a check costs what was written since,
 * not the whole organisation's history: the checkpoint itself (its MAC, its link to the one
 * before, the copy outside the database), each chain from its signed head on, the access log from
 * its signed head on, and the photos and recordings of the new entries. Whenever anything about
 * the checkpoint is in doubt (none yet, an old-style one, a broken link), it walks everything.
 * The full walk still runs daily, in a process of its own (see src/cli/start.ts).
 */
export function verifyRecent(db: AppDatabase, options: VerifyOptions = {}): VerifyResult {
	const anchor = options.anchor ?? anchorFor(db);
	const latest = checkpointAt(db, 'latest');
	const before = latest && checkpointAt(db, { before: latest.id });
	const outside = anchor.latest();
	const trusted =
		latest !== null &&
		latest.version === 2 &&
		checkpointSigned(latest) &&
		latest.prevMac === (before?.mac ?? null) &&
		(outside === null ||
			db.$client
				.prepare('SELECT mac FROM chain_checkpoint WHERE id = ?')
				.pluck()
				.get(outside.id) === outside.mac);
	if (!trusted) return verifyChains(db, { ...options, anchor });

	const problems: ChainProblem[] = [];
	const signed = new Map(
		(JSON.parse(latest.heads) as [string, number, string][]).map(([child, seq, hash]) => [
			child,
			{ seq, hash }
		])
	);
	const now = currentHeads(db);
	const broken = new Set<string>();
	const walked = new Map<string, number>();
	let entries = 0;
	const from = db.$client.prepare(
		"SELECT * FROM entry WHERE child_id = ? AND status = 'final' AND seq >= ? ORDER BY seq, rowid"
	);
	for (const child of new Set([...signed.keys(), ...Object.keys(now)])) {
		const head = signed.get(child);
		const current = now[child];
		if (head && current?.seq === head.seq && current.hash === head.hash) continue;
		const rows = from.all(child, head?.seq ?? 1) as RawEntry[];
		let walk = startWalk(child, 1, null);
		let start = 0;
		if (head) {
			const at = rows[0];
			if (!at || at.seq !== head.seq || at.hash !== head.hash) {
				problems.push({
					childId: child,
					seq: head.seq,
					entryId: at && at.seq === head.seq ? String(at.id) : null,
					problem: at && at.seq === head.seq ? 'checkpoint' : 'missing'
				});
				broken.add(child);
				continue;
			}
			walk = startWalk(child, head.seq + 1, head.hash);
			start = 1;
		}
		for (const row of rows.slice(start)) {
			entries++;
			const problem = stepChain(walk, row, () => false);
			if (problem) {
				problems.push(problem);
				broken.add(child);
				break;
			}
		}
		walked.set(child, head?.seq ?? 0);
	}
	const logRows = verifyLog(db, latest.logHead, problems, { from: latest.logHead });
	const mediaFiles =
		options.media === false
			? 0
			: verifyMedia(db, broken, problems, (child, seq) => seq > (walked.get(child) ?? Infinity));
	return {
		ok: problems.length === 0,
		entries,
		children: walked.size,
		logRows,
		mediaFiles,
		problems
	};
}
