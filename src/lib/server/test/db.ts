import { openDatabase, type AppDatabase } from '../db';

/** A fresh database, migrated from drizzle/ exactly as the app's is. */
export function createTestDb(): AppDatabase {
	return openDatabase(':memory:');
}
