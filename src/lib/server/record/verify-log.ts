import { sql } from 'drizzle-orm';
import type { AppDatabase, Db } from '../db';
import { logHash, logPayload, type RawLogRow } from '../audit/log-chain';
import type { ChainProblem } from './verify';

/** The access log's newest chained row, as a checkpoint signs it: `<id>:<hash>`. */
export function logHead(db: Db): string | null {
	const head = db.get<{ id: number; hash: string }>(
		sql`SELECT id, hash FROM access_log WHERE hash IS NOT NULL ORDER BY id DESC LIMIT 1`
	);
	return head ? `${head.id}:${head.hash}` : null;
}

/**
 * Walks the access log in order. Rows from before the log was chained carry no hash; from the
 * first chained row on, every row must link to the one before and match its keyed hash, and the
 * head a checkpoint signed must still be there. Returns how many rows were read.
 */
export function verifyLog(
	db: AppDatabase,
	signedHead: string | null,
	problems: ChainProblem[],
	options: { from?: string | null } = {}
): number {
	// From a signed head: only the rows since, the first of them being the head itself.
	const fromId = options.from ? Number(options.from.split(':')[0]) : 0;
	const rows = db.$client
		.prepare('SELECT * FROM access_log WHERE id >= ? ORDER BY id')
		.iterate(fromId) as IterableIterator<RawLogRow>;
	let count = 0;
	let previous: string | null = null;
	let chained = false;
	let failed = false;
	let signedFound = signedHead === null;
	if (options.from) {
		const head = rows.next();
		if (head.done || `${head.value.id}:${head.value.hash}` !== options.from) {
			rows.return?.();
			problems.push({ childId: '', seq: fromId, entryId: null, problem: 'log-missing' });
			return 0;
		}
		count++;
		previous = head.value.hash;
		chained = true;
		signedFound = true;
	}
	for (const row of rows) {
		count++;
		if (failed) continue;
		if (row.hash === null && !chained) continue;
		const ok =
			row.hash !== null &&
			row.prev_hash === previous &&
			logHash(row.prev_hash, logPayload(row)) === row.hash;
		if (!ok) {
			problems.push({
				childId: row.child_id ?? '',
				seq: row.id,
				entryId: null,
				problem: 'log-changed'
			});
			failed = true;
			continue;
		}
		chained = true;
		previous = row.hash;
		if (!signedFound && `${row.id}:${row.hash}` === signedHead) signedFound = true;
	}
	if (!failed && !signedFound) {
		const id = Number(signedHead!.split(':')[0]);
		problems.push({ childId: '', seq: id, entryId: null, problem: 'log-missing' });
	}
	return count;
}
