import { and, desc, eq, inArray } from 'drizzle-orm';
import type { Db } from '../db';
import {
	consentChangeRequest,
	consentRecord,
	type ConsentAnswer,
	type ConsentPurpose,
	type ConsentRecord
} from '../db/schema';
import * as access from '../access';
import * as accessLog from '../audit/access-log';
import { randomId } from '../crypto/random';
import { isInFuture } from '../dates/day';
import { RecordError } from '../record/errors';

/**
 * "Asking before sharing": both recording policies say a child is asked to agree before
 * information about them is shared with others. Staff record the answer for each purpose; a new
 * answer is a new row (the table is append-only), the newest per purpose is the answer now.
 */

export type ConsentInput = {
	purpose: ConsentPurpose;
	purposeOther: string | null;
	answer: ConsentAnswer;
	reason: string | null;
	askedBy: string;
	askedOn: string;
};

/** One purpose: "school", or an other purpose by its words, whatever their case or spacing. */
export function purposeKey(r: Pick<ConsentRecord, 'purpose' | 'purposeOther'>): string {
	return r.purpose === 'other'
		? `other:${(r.purposeOther ?? '').trim().replace(/\s+/g, ' ').toLowerCase()}`
		: r.purpose;
}

function check(input: ConsentInput, now: Date): void {
	const problems: Record<string, string> = {};
	if (input.purpose === 'other' && !input.purposeOther?.trim())
		problems.purposeOther = 'form.required';
	if (input.answer === 'cannot_ask' && !input.reason?.trim()) problems.reason = 'form.required';
	if (!input.askedBy.trim()) problems.askedBy = 'form.required';
	if (isInFuture(input.askedOn, now)) problems.askedOn = 'consent.problems.future';
	if (Object.keys(problems).length) throw new RecordError(problems);
}

export function recordConsent(
	db: Db,
	actor: access.Actor,
	childId: string,
	input: ConsentInput,
	address: string | null,
	now = new Date()
): ConsentRecord {
	access.requireChild(db, actor, 'recordConsent', childId, now);
	check(input, now);
	const row: ConsentRecord = {
		id: randomId(),
		childId,
		purpose: input.purpose,
		purposeOther: input.purpose === 'other' ? input.purposeOther!.trim() : null,
		answer: input.answer,
		reason: input.answer === 'cannot_ask' ? input.reason!.trim() : null,
		askedBy: input.askedBy.trim(),
		askedOn: input.askedOn,
		recordedByUserId: actor.id,
		recordedByName: actor.displayName,
		recordedAt: now
	};
	db.transaction((tx) => {
		tx.insert(consentRecord).values(row).run();
		accessLog.record(tx, { actor, action: 'consent-recorded', childId, address }, now);
	});
	return row;
}

export type ConsentRequest = {
	id: string;
	childId: string;
	consentRecordId: string;
	message: string | null;
	requestedAt: Date;
};

export type ConsentSummary = {
	/** The answer now for each purpose, in the order purposes are listed. */
	current: ConsentRecord[];
	/** Every answer, newest first. */
	history: ConsentRecord[];
	/** The child's requests to change an answer that no newer answer has met yet. */
	openRequests: ConsentRequest[];
};

const order = ['school', 'health', 'council', 'court', 'other'];

/** Whether a request is still open: no answer for its purpose was recorded after it. */
function openOnes(history: ConsentRecord[], requests: ConsentRequest[]): ConsentRequest[] {
	const byId = new Map(history.map((r) => [r.id, r]));
	return requests.filter((q) => {
		const about = byId.get(q.consentRecordId);
		if (!about) return false;
		const key = purposeKey(about);
		return !history.some((r) => purposeKey(r) === key && r.recordedAt > q.requestedAt);
	});
}

export function summarise(history: ConsentRecord[], requests: ConsentRequest[]): ConsentSummary {
	const latest = new Map<string, ConsentRecord>();
	for (const r of history) if (!latest.has(purposeKey(r))) latest.set(purposeKey(r), r);
	const current = [...latest.values()].sort(
		(a, b) =>
			order.indexOf(a.purpose) - order.indexOf(b.purpose) ||
			(a.purposeOther ?? '').localeCompare(b.purposeOther ?? '')
	);
	return { current, history, openRequests: openOnes(history, requests) };
}

function historyOf(db: Db, childId: string): ConsentRecord[] {
	return db
		.select()
		.from(consentRecord)
		.where(eq(consentRecord.childId, childId))
		.orderBy(desc(consentRecord.recordedAt), desc(consentRecord.id))
		.all();
}

function requestsOf(db: Db, childIds: string[]): ConsentRequest[] {
	if (!childIds.length) return [];
	return db
		.select({
			id: consentChangeRequest.id,
			childId: consentChangeRequest.childId,
			consentRecordId: consentChangeRequest.consentRecordId,
			message: consentChangeRequest.message,
			requestedAt: consentChangeRequest.requestedAt
		})
		.from(consentChangeRequest)
		.where(inArray(consentChangeRequest.childId, childIds))
		.orderBy(desc(consentChangeRequest.requestedAt))
		.all();
}

/** The child's answers, for the child or for staff who may see them. */
export function consentOf(db: Db, permissions: access.Permissions): ConsentSummary {
	const relation = permissions.require('viewConsent');
	const childId = relation.child.id;
	return summarise(historyOf(db, childId), requestsOf(db, [childId]));
}

/** The child asks for one of their answers to be changed; it reaches their workers' inbox. */
export function askToChange(
	db: Db,
	actor: access.Actor,
	consentRecordId: string,
	message: string,
	address: string | null,
	now = new Date()
): void {
	if (!actor.childId) throw new access.AccessDenied();
	const relation = access.requireChild(db, actor, 'askConsentChange', actor.childId, now);
	const about = db
		.select()
		.from(consentRecord)
		.where(and(eq(consentRecord.id, consentRecordId), eq(consentRecord.childId, relation.child.id)))
		.get();
	if (!about) throw new access.AccessDenied('not-found');
	if ([...message].length > 2000) throw new RecordError({ message: 'form.tooLong' });
	db.transaction((tx) => {
		tx.insert(consentChangeRequest)
			.values({
				id: randomId(),
				childId: relation.child.id,
				consentRecordId,
				message: message.trim() || null,
				requestedByUserId: actor.id,
				requestedAt: now
			})
			.run();
		accessLog.record(
			tx,
			{ actor, action: 'consent-change-asked', childId: relation.child.id, address },
			now
		);
	});
}

export type ConsentInboxItem = ConsentRequest & {
	childName: string;
	purpose: ConsentPurpose;
	purposeOther: string | null;
	answer: ConsentAnswer;
};

/** The open requests of the children this person records answers for: their inbox. */
export function consentRequestsFor(
	db: Db,
	actor: access.Actor,
	now = new Date()
): ConsentInboxItem[] {
	if (!access.allows(actor, 'viewInbox')) throw new access.AccessDenied();
	const children = access.childrenFor(db, actor, now);
	const relations = children.map((c) => access.permissionsOn(db, actor, c.id, now).relation);
	const names = new Map(children.map((c) => [c.id, c.preferredName]));
	const requests = db
		.select({
			id: consentChangeRequest.id,
			childId: consentChangeRequest.childId,
			consentRecordId: consentChangeRequest.consentRecordId,
			message: consentChangeRequest.message,
			requestedAt: consentChangeRequest.requestedAt
		})
		.from(consentChangeRequest)
		.where(access.consentRequestScope(actor, relations))
		.orderBy(desc(consentChangeRequest.requestedAt))
		.all();
	const childIds = [...new Set(requests.map((r) => r.childId))];
	const items: ConsentInboxItem[] = [];
	for (const childId of childIds) {
		const history = historyOf(db, childId);
		const byId = new Map(history.map((r) => [r.id, r]));
		for (const q of openOnes(
			history,
			requests.filter((r) => r.childId === childId)
		)) {
			const about = byId.get(q.consentRecordId)!;
			items.push({
				...q,
				childName: names.get(childId) ?? '',
				purpose: about.purpose,
				purposeOther: about.purposeOther,
				answer: about.answer
			});
		}
	}
	return items.sort((a, b) => b.requestedAt.getTime() - a.requestedAt.getTime());
}
