import type Database from 'better-sqlite3';
import { sql, type Column, type SQL, type SQLWrapper } from 'drizzle-orm';
import { clientOf, type Db } from './index';

/**
 * A query built and prepared once per connection, then run with its values: drizzle 0.45 builds
 * a query's SQL and SQLite prepares it again on every call, which for a page's small queries
 * cost far more than running them. Values go in through `sql.placeholder(name)`. The query works
 * inside a transaction too (better-sqlite3 runs one on the same connection).
 */
export function preparedOnce<T>(build: (db: Db) => T): (db: Db) => T {
	const byClient = new WeakMap<Database.Database, T>();
	return (db) => {
		const client = clientOf(db);
		let query = byClient.get(client);
		if (query === undefined) {
			query = build(db);
			byClient.set(client, query);
		}
		return query;
	};
}

/**
 * The same, for the few shapes one query takes (which filters are set, who reads): one for each
 * key, built from `shape` the first time that key is asked for.
 */
export function preparedByShape<S, T>(
	build: (db: Db, shape: S) => T
): (db: Db, key: string, shape: S) => T {
	const byClient = new WeakMap<Database.Database, Map<string, T>>();
	return (db, key, shape) => {
		const client = clientOf(db);
		let shapes = byClient.get(client);
		if (!shapes) byClient.set(client, (shapes = new Map()));
		let query = shapes.get(key);
		if (query === undefined) {
			query = build(db, shape);
			shapes.set(key, query);
		}
		return query;
	};
}

/**
 * `column IN (the list)`, the list one placeholder holding a JSON array (pass `JSON.stringify`
 * of it), so that one prepared statement serves lists of any length. SQLite still looks each
 * value up by the column's index.
 */
export function inJsonList(column: Column | SQL, name: string): SQL {
	return sql`${column} IN (SELECT value FROM json_each(${sql.placeholder(name)}))`;
}

/**
 * A placeholder whose value is stored the way this column stores its values (a Date as its
 * milliseconds, a boolean as 0 or 1): drizzle fills a bare placeholder with the value as given.
 */
export function placeholderFor(column: Column, name: string): SQLWrapper {
	return sql.param(sql.placeholder(name), column);
}
