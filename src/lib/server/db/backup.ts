import fs from 'node:fs';
import Database from 'better-sqlite3';

/**
 * Copies a live database with SQLite's online backup API. All pages go in one step, under one
 * read transaction, so the copy is a consistent snapshot even while the app keeps writing (in
 * WAL mode readers never block writers).
 */
export async function backupDatabase(source: string, target: string): Promise<{ pages: number }> {
	if (!fs.existsSync(source)) throw new Error(`No database at ${source}`);
	if (fs.existsSync(target)) throw new Error(`${target} already exists; choose a new file name`);
	const sqlite = new Database(source, { readonly: true, fileMustExist: true });
	try {
		const result = await sqlite.backup(target, { progress: () => 1_000_000 });
		fs.chmodSync(target, 0o600);
		return { pages: result.totalPages };
	} finally {
		sqlite.close();
	}
}

export function integrityCheck(file: string): string {
	const sqlite = new Database(file, { readonly: true, fileMustExist: true });
	try {
		return sqlite.pragma('integrity_check', { simple: true }) as string;
	} finally {
		sqlite.close();
	}
}
