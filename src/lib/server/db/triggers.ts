import fs from 'node:fs';
import path from 'node:path';
import type Database from 'better-sqlite3';
import { migrationsDir } from '../config';

/**
 * The append-only triggers (final entries, their media, checkpoints, the access log), read from the
 * migrations that made them, so there is one definition. Someone holding the database file can drop
 * or weaken a trigger; at every start the database is given them back, and that is reported.
 */

const normalise = (text: string) =>
	text
		.replace(/--[^\n]*/g, '')
		.replace(/\s+/g, ' ')
		.replace(/;\s*$/, '')
		.trim();

const cache = new Map<string, Map<string, string>>();

/** Name and SQL of every trigger the migrations leave in place. */
export function expectedTriggers(dir = migrationsDir()): Map<string, string> {
	const known = cache.get(dir);
	if (known) return known;
	const triggers = new Map<string, string>();
	cache.set(dir, triggers);
	const files = fs
		.readdirSync(dir)
		.filter((f) => f.endsWith('.sql'))
		.sort();
	for (const file of files) {
		const text = fs.readFileSync(path.join(dir, file), 'utf8');
		for (const statement of text.split('--> statement-breakpoint')) {
			const sql = normalise(statement);
			const created = /^CREATE TRIGGER `?(\w+)`?/i.exec(sql);
			if (created) triggers.set(created[1]!, sql);
			const dropped = /^DROP TRIGGER (?:IF EXISTS )?`?(\w+)`?/i.exec(sql);
			if (dropped) triggers.delete(dropped[1]!);
		}
	}
	return triggers;
}

/** Puts back any trigger that is missing or not as the migrations made it; returns their names. */
export function restoreTriggers(sqlite: Database.Database): string[] {
	const present = new Map(
		(
			sqlite.prepare("SELECT name, sql FROM sqlite_master WHERE type = 'trigger'").all() as {
				name: string;
				sql: string;
			}[]
		).map((t) => [t.name, normalise(t.sql)])
	);
	const restored: string[] = [];
	for (const [name, sql] of expectedTriggers()) {
		if (present.get(name) === sql) continue;
		sqlite.transaction(() => {
			sqlite.exec(`DROP TRIGGER IF EXISTS \`${name}\``);
			sqlite.exec(sql);
		})();
		restored.push(name);
	}
	if (restored.length > 0) {
		const detail = `append-only triggers were missing or altered, and were put back: ${restored.join(', ')}`;
		console.error(`RECORD PROTECTION RESTORED: ${detail}`);
		sqlite
			.prepare(
				"INSERT INTO integrity_alert (detected_at, kind, child_id, detail) VALUES (?, 'triggers', NULL, ?)"
			)
			.run(Date.now(), detail);
	}
	return restored;
}
