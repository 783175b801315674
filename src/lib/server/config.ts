import path from 'node:path';

/** Every environment variable Waymark reads, with its default. README "Configuration" lists them. */
export function dataDir(): string {
	return path.resolve(process.env.DATA_DIR || 'data');
}

export function databasePath(): string {
	return process.env.DATABASE_PATH || path.join(dataDir(), 'waymark.db');
}

export function migrationsDir(): string {
	return path.resolve(process.env.MIGRATIONS_DIR || 'drizzle');
}

export function demoEnabled(): boolean {
	return process.env.WAYMARK_DEMO !== '0';
}

/**
 * The append-only file that keeps a copy of every signed checkpoint outside the database. Put it
 * where whoever can change the database cannot (another disk, a log host, `chattr +a`).
 */
export function checkpointLogPath(): string {
	return path.resolve(
		process.env.WAYMARK_CHECKPOINT_LOG || path.join(dataDir(), 'checkpoints.log')
	);
}

/**
 * How many large uploads (photo forms) one server process reads at a time; the others wait.
 * 0 turns the queue off (every upload is read at once, as before the queue).
 */
export function uploadPlaces(): number {
	const places = Number(process.env.UPLOAD_PLACES ?? 2);
	return Number.isInteger(places) && places >= 0 ? places : 2;
}
