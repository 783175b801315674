import { createHash } from 'node:crypto';
import fs from 'node:fs';
import type { AppDatabase } from '../db';
import type { EntryDetails } from '../db/schema';
import { mediaFile } from '../media/store';
import type { ChainProblem } from './verify';

const sha256 = (file: string) => createHash('sha256').update(fs.readFileSync(file)).digest('hex');

/**
 * Every photo and recording of a final entry, against the SHA-256 its (already verified) entry
 * holds: the file must be on disk and unchanged. Entries of chains already found broken are
 * skipped (their problem is named). Returns how many files were read.
 */
export function verifyMedia(
	db: AppDatabase,
	broken: Set<string>,
	problems: ChainProblem[],
	only: (childId: string, seq: number) => boolean = () => true
): number {
	const rows = db.$client
		.prepare(
			`SELECT id, child_id, seq, details FROM entry
			WHERE status = 'final' AND details LIKE '%"media":[%' ORDER BY child_id, seq`
		)
		.all() as { id: string; child_id: string; seq: number; details: string }[];
	const extensionOf = db.$client.prepare('SELECT extension FROM media WHERE id = ?');
	let files = 0;
	for (const row of rows) {
		if (broken.has(row.child_id) || !only(row.child_id, row.seq)) continue;
		const details = JSON.parse(row.details) as EntryDetails;
		for (const item of details.media ?? []) {
			const where = { childId: row.child_id, seq: row.seq, entryId: row.id };
			const stored = extensionOf.get(item.id) as { extension: string } | undefined;
			const expected: [string, string][] = stored
				? item.kind === 'photo'
					? [
							[mediaFile(item.id, 'display', 'webp'), item.sha256],
							...(item.thumbSha256
								? [[mediaFile(item.id, 'thumb', 'webp'), item.thumbSha256] as [string, string]]
								: [])
						]
					: [[mediaFile(item.id, 'audio', stored.extension), item.sha256]]
				: [];
			if (!stored) {
				problems.push({ ...where, problem: 'media-missing' });
				continue;
			}
			for (const [file, hash] of expected) {
				files++;
				if (!fs.existsSync(file)) problems.push({ ...where, problem: 'media-missing' });
				else if (sha256(file) !== hash) problems.push({ ...where, problem: 'media-changed' });
			}
		}
	}
	return files;
}
