import { createHash, createHmac, timingSafeEqual } from 'node:crypto';
import { desc, sql } from 'drizzle-orm';
import type { Db } from '../db';
import { chainCheckpoint } from '../db/schema';
import { deriveKey } from '../crypto/secret';

/**
 * Every final entry is hashed over all of its stored columns (as SQLite holds them, byte for
 * byte) and the previous entry's hash in the same child's record. A test checks that this list
 * names every column of the table but `hash`, so a new column cannot be left out.
 */
export const hashedColumns = [
	'id',
	'child_id',
	'kind',
	'status',
	'author_user_id',
	'author_name',
	'author_post_title',
	'author_role',
	'created_at',
	'updated_at',
	'recorded_at',
	'event_date',
	'event_precision',
	'event_label',
	'event_sort',
	'source_kind',
	'source_name',
	'source_relationship',
	'nature',
	'opinion_reasons',
	'decision_by',
	'decision_basis',
	'third_party_permission',
	'visibility',
	'confidential_reason',
	'is_late',
	'title',
	'body_doc',
	'body_text',
	'translations',
	'supersedes_id',
	'correction_reason',
	'seq',
	'prev_hash'
] as const;

/**
 * Columns added after entries were first chained. Each joins the canonical form only where it
 * holds a value, so entries written before it existed keep their hashes (no history rewritten),
 * while giving an old entry a value, or taking one away, still breaks its hash.
 */
export const laterColumns = ['details', 'content_note'] as const;

export type RawEntry = Record<
	(typeof hashedColumns)[number] | (typeof laterColumns)[number] | 'hash',
	string | number | null
>;

/** Canonical form: the columns in a fixed order, as [name, value] pairs. */
export function canonical(row: Record<string, unknown>): string {
	const pairs: [string, unknown][] = hashedColumns.map((column) => [column, row[column] ?? null]);
	for (const column of laterColumns) {
		if (row[column] !== null && row[column] !== undefined) pairs.push([column, row[column]]);
	}
	return JSON.stringify(pairs);
}

/**
 * An entry's hash is keyed (HMAC-SHA256 under a key derived from the server secret), so someone
 * holding only the database cannot make a hash that verify accepts, for a new entry or a changed one.
 */
export function hashOf(row: Record<string, unknown>): string {
	return createHmac('sha256', deriveKey('entry-chain')).update(canonical(row)).digest('hex');
}

/**
 * How the first releases hashed entries (plain SHA-256). Verify accepts such a hash only where a
 * signed checkpoint already covered the entry before the hashes were keyed (see verify.ts).
 */
export function legacyHashOf(row: Record<string, unknown>): string {
	return createHash('sha256').update(canonical(row)).digest('hex');
}

export function rawEntry(db: Db, id: string): RawEntry | undefined {
	return db.get<RawEntry>(sql`SELECT * FROM entry WHERE id = ${id}`);
}

export function chainHead(db: Db, childId: string): { seq: number; hash: string } | undefined {
	return db.get<{ seq: number; hash: string }>(
		sql`SELECT seq, hash FROM entry WHERE child_id = ${childId} AND status = 'final' ORDER BY seq DESC LIMIT 1`
	);
}

export type Heads = Record<string, { seq: number; hash: string }>;

/** Heads in a canonical order, so the same chains always give the same text to sign. */
export function canonicalHeads(heads: Heads): string {
	return JSON.stringify(
		Object.keys(heads)
			.sort()
			.map((childId) => [childId, heads[childId]!.seq, heads[childId]!.hash])
	);
}

function mac(text: string): string {
	return createHmac('sha256', deriveKey('chain-checkpoint')).update(text).digest('hex');
}

function macMatches(text: string, given: string): boolean {
	const expected = Buffer.from(mac(text), 'hex');
	const actual = Buffer.from(given, 'hex');
	return expected.length === actual.length && timingSafeEqual(expected, actual);
}

export type Checkpoint = typeof chainCheckpoint.$inferSelect;

/** A checkpoint row as better-sqlite3 reads it (snake_case columns), as the typed row. */
export function checkpointFrom(raw: Record<string, unknown>): Checkpoint {
	return {
		id: Number(raw.id),
		createdAt: new Date(Number(raw.created_at)),
		heads: String(raw.heads),
		mac: String(raw.mac),
		version: Number(raw.version),
		logHead: (raw.log_head as string | null) ?? null,
		prevMac: (raw.prev_mac as string | null) ?? null
	};
}

/**
 * What a checkpoint's MAC covers. Version 1 (the first releases) signed the heads alone; version 2
 * also signs when, the access log's head and the MAC of the checkpoint before it, so checkpoints
 * form a chain of their own and none can be taken out or put back in another order unseen.
 */
function signedText(
	c: Pick<Checkpoint, 'version' | 'createdAt' | 'heads' | 'logHead' | 'prevMac'>
) {
	if (c.version === 1) return c.heads;
	return JSON.stringify([c.version, c.createdAt.getTime(), c.heads, c.logHead, c.prevMac]);
}

export function checkpointSigned(c: Checkpoint): boolean {
	return (c.version === 1 || c.version === 2) && macMatches(signedText(c), c.mac);
}

export function currentHeads(db: Db): Heads {
	const rows = db.all<{ child_id: string; seq: number; hash: string }>(sql`
		SELECT e.child_id, e.seq, e.hash FROM entry e
		JOIN (SELECT child_id, max(seq) AS seq FROM entry WHERE status = 'final' GROUP BY child_id) h
			ON h.child_id = e.child_id AND h.seq = e.seq AND e.status = 'final'`);
	return Object.fromEntries(rows.map((r) => [r.child_id, { seq: r.seq, hash: r.hash }]));
}

/**
 * Signs the heads of every chain and of the access log, chained to the checkpoint before. Written
 * by verify, only when everything was found whole. The caller copies it outside the database.
 */
export function writeCheckpoint(
	db: Db,
	heads: Heads,
	logHead: string | null,
	now = new Date()
): Checkpoint {
	// Immediate: two processes signing at once (the hourly check, the daily walk) still chain.
	return db.transaction(
		(tx) => {
			const body = {
				version: 2,
				createdAt: now,
				heads: canonicalHeads(heads),
				logHead,
				prevMac: latestCheckpoint(tx)?.mac ?? null
			};
			return tx
				.insert(chainCheckpoint)
				.values({ ...body, mac: mac(signedText(body)) })
				.returning()
				.get();
		},
		{ behavior: 'immediate' }
	);
}

/** What is copied outside the database for the newest checkpoint: no record content. */
export function checkpointCopy(db: Db) {
	const latest = latestCheckpoint(db);
	return latest
		? { id: latest.id, createdAt: latest.createdAt.toISOString(), mac: latest.mac }
		: null;
}

export function latestCheckpoint(db: Db) {
	return db.select().from(chainCheckpoint).orderBy(desc(chainCheckpoint.id)).limit(1).get();
}
