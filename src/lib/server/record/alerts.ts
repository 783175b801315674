import { and, asc, eq, isNull } from 'drizzle-orm';
import type { Db } from '../db';
import { integrityAlert } from '../db/schema';
import * as access from '../access';
import * as accessLog from '../audit/access-log';
import { areaOf, describeProblem } from './report';
import type { ChainProblem } from './verify';

/**
 * What a failed verify leaves behind until a later verify finds everything whole again: a warning
 * that managers and administrators see on every page, a note on each affected record for its staff,
 * and a line in the access log. Nobody can dismiss it; only a record found whole again clears it.
 */

/** Records what verify found, once per problem while it stays open, and logs the failure. */
export function raiseAlerts(db: Db, problems: ChainProblem[], now = new Date()): void {
	const open = new Set(
		db
			.select({ detail: integrityAlert.detail })
			.from(integrityAlert)
			.where(isNull(integrityAlert.resolvedAt))
			.all()
			.map((a) => a.detail)
	);
	db.transaction((tx) => {
		for (const problem of problems) {
			const detail = describeProblem(problem);
			if (open.has(detail)) continue;
			open.add(detail);
			tx.insert(integrityAlert)
				.values({
					detectedAt: now,
					kind: areaOf(problem),
					childId: problem.childId || null,
					detail
				})
				.run();
		}
		// In the access log too: once for the check, and once for each record it names.
		const records = new Set(problems.map((p) => p.childId).filter(Boolean));
		accessLog.record(tx, { actor: null, action: 'integrity-check-failed' }, now);
		for (const childId of records) {
			accessLog.record(tx, { actor: null, action: 'integrity-check-failed', childId }, now);
		}
	});
}

/** A verify that found everything whole clears what was open. */
export function resolveAlerts(db: Db, now = new Date()): number {
	const changes = db
		.update(integrityAlert)
		.set({ resolvedAt: now })
		.where(isNull(integrityAlert.resolvedAt))
		.run().changes;
	if (changes > 0) accessLog.record(db, { actor: null, action: 'integrity-restored' }, now);
	return changes;
}

export type OpenAlert = { detectedAt: Date; kind: string; childId: string | null };

/** What is open, oldest first: for the warning (callers check who may see it). */
export function openAlerts(db: Db): OpenAlert[] {
	return db
		.select({
			detectedAt: integrityAlert.detectedAt,
			kind: integrityAlert.kind,
			childId: integrityAlert.childId
		})
		.from(integrityAlert)
		.where(isNull(integrityAlert.resolvedAt))
		.orderBy(asc(integrityAlert.id))
		.all();
}

/** When this child's record was first found not to match, if it still does not. */
export function recordAlertSince(db: Db, childId: string): Date | null {
	return (
		db
			.select({ at: integrityAlert.detectedAt })
			.from(integrityAlert)
			.where(and(isNull(integrityAlert.resolvedAt), eq(integrityAlert.childId, childId)))
			.orderBy(asc(integrityAlert.id))
			.limit(1)
			.get()?.at ?? null
	);
}

/** For managers and administrators, on every page while anything is open: since when. */
export function integrityWarning(db: Db, actor: access.Actor | null): { since: Date } | null {
	if (!access.allows(actor, 'viewIntegrityAlerts')) return null;
	const first = db
		.select({ at: integrityAlert.detectedAt })
		.from(integrityAlert)
		.where(isNull(integrityAlert.resolvedAt))
		.orderBy(asc(integrityAlert.id))
		.limit(1)
		.get();
	return first ? { since: first.at } : null;
}
