import { inArray, sql } from 'drizzle-orm';
import type { Db } from '../db';
import { entry } from '../db/schema';
import * as accessLog from '../audit/access-log';
import { caseSystemScope } from '../access';
import { answerKinds, caseItemsJson, type CaseItem } from './case-item';
import type { Integration } from './tokens';

/**
 * The pull API: an organisation's linkable items (disagreements, and what children put in their
 * record), new or changed since a cursor. An item changes when something answers or links it,
 * so it comes again after the cursor once each time. The order is (changedAt, id), and the
 * cursor names the last pair sent, so items sharing a time are neither lost nor repeated.
 */

export const maxLimit = 100;
/**
 * A change is written with the time its request began, which can be a few seconds before it is
 * committed (photos are processed in between). Changes younger than this wait for a later call,
 * so a cursor never moves past one that has not landed yet.
 */
export const settleMs = 2 * 60_000;

export class BadCursor extends Error {
	constructor() {
		super('bad-cursor');
	}
}

type Position = { at: number; id: string };

function encodeCursor(p: Position): string {
	return Buffer.from(JSON.stringify([p.at, p.id])).toString('base64url');
}

export function decodeCursor(cursor: string): Position {
	try {
		const [at, id, ...rest] = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
		if (Number.isSafeInteger(at) && at >= 0 && typeof id === 'string' && id.length <= 64) {
			if (!rest.length) return { at, id };
		}
	} catch {
		// Not base64url JSON: refused below.
	}
	throw new BadCursor();
}

export type Page = { items: CaseItem[]; nextCursor: string | null; hasMore: boolean };

export function changedItems(
	db: Db,
	integration: Integration,
	options: { cursor: string | null; limit: number; address?: string | null; now?: Date }
): Page {
	const { limit, now = new Date() } = options;
	if (!Number.isInteger(limit) || limit < 1 || limit > maxLimit) throw new RangeError('limit');
	const after = options.cursor ? decodeCursor(options.cursor) : { at: -1, id: '' };
	const horizon = now.getTime() - settleMs;
	const kinds = sql.join(
		answerKinds.map((k) => sql`${k}`),
		sql`, `
	);
	return db.transaction((tx) => {
		// Which items: the access rule for the case system (access/links.ts), on the outer `entry`.
		const found = tx.all<{ id: string; changed_at: number }>(sql`
			SELECT id, changed_at FROM (
				SELECT entry.id, max(entry.recorded_at, coalesce((
					SELECT max(a.recorded_at) FROM entry a
					WHERE a.supersedes_id = entry.id AND a.status = 'final' AND a.kind IN (${kinds})
				), 0)) AS changed_at
				FROM entry
				WHERE ${caseSystemScope(tx, integration.organisationId)}
			)
			WHERE changed_at <= ${horizon}
				AND (changed_at > ${after.at} OR (changed_at = ${after.at} AND id > ${after.id}))
			ORDER BY changed_at, id
			LIMIT ${limit + 1}`);
		const page = found.slice(0, limit);
		const rows = page.length
			? tx
					.select()
					.from(entry)
					.where(
						inArray(
							entry.id,
							page.map((p) => p.id)
						)
					)
					.all()
			: [];
		const byId = new Map(rows.map((r) => [r.id, r]));
		const items = caseItemsJson(
			tx,
			page.map((p) => byId.get(p.id)!)
		);
		// Every call, and every child whose items it carried away, with the token's name: the child
		// sees on "Who has looked at my record" that the case system copied their things.
		const read = { actor: null, system: integration.name, action: 'integration-api-read' } as const;
		accessLog.record(tx, { ...read, address: options.address }, now);
		for (const childId of new Set(rows.map((r) => r.childId))) {
			accessLog.record(tx, { ...read, childId, address: options.address }, now);
		}
		const last = page.at(-1);
		return {
			items,
			nextCursor: last ? encodeCursor({ at: last.changed_at, id: last.id }) : options.cursor,
			hasMore: found.length > limit
		};
	});
}
