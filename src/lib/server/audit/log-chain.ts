import { createHmac } from 'node:crypto';
import type Database from 'better-sqlite3';
import { deriveKey } from '../crypto/secret';

/**
 * The access log is chained like the record: each row's hash is an HMAC (keyed with the server
 * secret) over its columns and the hash of the row before it. A row removed, changed or slipped in
 * breaks the chain at the next row; the latest signed checkpoint holds the head, so rows cut off
 * the end before it are missed too.
 */

export type RawLogRow = {
	id: number;
	at: number;
	actor_user_id: string | null;
	actor_role: string | null;
	actor_name: string | null;
	actor_post_title: string | null;
	action: string;
	child_id: string | null;
	subject_user_id: string | null;
	address: string | null;
	prev_hash: string | null;
	hash: string | null;
};

type Columns = Omit<RawLogRow, 'id' | 'prev_hash' | 'hash'>;

/** The columns in a fixed order: what the hash covers besides the previous hash. */
export function logPayload(row: Columns): string {
	return JSON.stringify([
		row.at,
		row.actor_user_id,
		row.actor_role,
		row.actor_name,
		row.actor_post_title,
		row.action,
		row.child_id,
		row.subject_user_id,
		row.address
	]);
}

export function logHash(prevHash: string | null, payload: string): string {
	return createHmac('sha256', deriveKey('access-log'))
		.update(JSON.stringify([prevHash, payload]))
		.digest('hex');
}

/**
 * The SQL function the insert uses, so that reading the previous hash and appending happen in one
 * statement: two processes writing at once cannot both chain to the same row.
 */
export function registerLogChain(sqlite: Database.Database): void {
	sqlite.function('waymark_log_hash', { deterministic: true }, (prev: unknown, payload: unknown) =>
		logHash(typeof prev === 'string' ? prev : null, String(payload))
	);
}
