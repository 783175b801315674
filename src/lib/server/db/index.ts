import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { drizzle, type BetterSQLite3Database } from 'drizzle-orm/better-sqlite3';
import type { BaseSQLiteDatabase } from 'drizzle-orm/sqlite-core';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import * as schema from './schema';
import { databasePath, migrationsDir } from '../config';
import { registerLogChain } from '../audit/log-chain';
import { restoreTriggers } from './triggers';

/** What domain code takes: the database or a transaction on it. */
export type Db = BaseSQLiteDatabase<'sync', Database.RunResult, typeof schema>;
/** The open database itself, with its better-sqlite3 client (backups, closing). */
export type AppDatabase = BetterSQLite3Database<typeof schema> & { $client: Database.Database };

/** Opens (creating if needed) and migrates a database. ':memory:' gives a fresh one for tests. */
export function openDatabase(file: string): AppDatabase {
	const fresh = file !== ':memory:' && !fs.existsSync(file);
	if (fresh) fs.mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
	const sqlite = new Database(file);
	// Children's records: readable by the service's own user only.
	if (fresh) fs.chmodSync(file, 0o600);
	if (file !== ':memory:') sqlite.pragma('journal_mode = WAL');
	sqlite.pragma('synchronous = FULL');
	sqlite.pragma('foreign_keys = ON');
	sqlite.pragma('busy_timeout = 5000');
	registerLogChain(sqlite);
	const db = drizzle(sqlite, { schema });
	migrate(db, { migrationsFolder: migrationsDir() });
	restoreTriggers(sqlite);
	return db;
}

/**
 * The better-sqlite3 connection under a database or a transaction on it (a transaction runs on the
 * same connection), for statements prepared once and kept: drizzle 0.45 prepares its SQL again on
 * every call. Reads drizzle's session, which is stable in the pinned version.
 */
export function clientOf(db: Db): Database.Database {
	return (db as unknown as { session: { client: Database.Database } }).session.client;
}

let instance: AppDatabase | undefined;

/** The application's database, opened on first use (never at import, so `vite build` leaves it alone). */
export function getDb(): AppDatabase {
	instance ??= openDatabase(databasePath());
	return instance;
}

export function closeDb(): void {
	instance?.$client.close();
	instance = undefined;
}

export { schema };
