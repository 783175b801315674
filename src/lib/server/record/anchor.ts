import fs from 'node:fs';
import path from 'node:path';
import type { AppDatabase } from '../db';
import { checkpointLogPath } from '../config';

/**
 * A copy of each signed checkpoint kept outside the database: its id, when, and its MAC. Verify
 * holds the database to the newest copy, so deleting checkpoints, rolling them back, or cutting
 * entries off below a checkpoint is found even by someone who also deleted every checkpoint.
 */
export type AnchorLine = { id: number; createdAt: string; mac: string };

export type Anchor = {
	latest(): AnchorLine | null;
	append(line: AnchorLine): void;
};

/** An append-only file, one JSON line per checkpoint, each written through to the disk. */
export function fileAnchor(file: string): Anchor {
	return {
		latest() {
			if (!fs.existsSync(file)) return null;
			const lines = fs.readFileSync(file, 'utf8').trim().split('\n').filter(Boolean);
			const last = lines.at(-1);
			return last ? (JSON.parse(last) as AnchorLine) : null;
		},
		append(line) {
			fs.mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
			const fd = fs.openSync(file, 'a', 0o600);
			try {
				fs.writeSync(fd, JSON.stringify(line) + '\n');
				fs.fsyncSync(fd);
			} finally {
				fs.closeSync(fd);
			}
		}
	};
}

/** For a database in memory (tests): a copy that lives as long as it does. */
export function memoryAnchor(): Anchor {
	const lines: AnchorLine[] = [];
	return { latest: () => lines.at(-1) ?? null, append: (line) => void lines.push(line) };
}

const inMemory = new WeakMap<object, Anchor>();

/** The outside copy for this database: the operator's file, or one in memory for a test database. */
export function anchorFor(db: AppDatabase): Anchor {
	if (!db.$client.memory) return fileAnchor(checkpointLogPath());
	let anchor = inMemory.get(db.$client);
	if (!anchor) inMemory.set(db.$client, (anchor = memoryAnchor()));
	return anchor;
}
