import { eq } from 'drizzle-orm';
import type { Db } from '../db';
import {
	caseSystems,
	entry,
	outcomes,
	type CaseSystem,
	type DisagreementStep,
	type Entry,
	type Outcome
} from '../db/schema';
import * as access from '../access';
import * as accessLog from '../audit/access-log';
import { docFromPlainText } from '../record/sanitise';
import { draftRow } from '../record/rows';
import { appendFinal, createDraft, finaliseEntry } from '../record/write';
import { RecordError } from '../record/errors';
import type { FormReader } from '../validation';
import { statesOf, type DisagreementState } from './state';
import { today } from '../dates/day';

/**
 * Answering a disagreement, step by step: acknowledge (the child is told who is looking at it),
 * perhaps extend the deadline, decide (corrected, the child's side added, or not changed; who
 * decided and why), and link it into the formal case record. Each step is a final entry.
 */

/** The disagreement and its state, for someone who may answer it. */
export function openDisagreement(db: Db, actor: access.Actor, id: string, now = new Date()) {
	const row = db.select().from(entry).where(eq(entry.id, id)).get();
	if (!row || row.kind !== 'disagreement') throw new access.AccessDenied('not-found');
	const relation = access.requireChild(db, actor, 'viewRecord', row.childId, now);
	if (!access.seesDisagreement(actor, relation, row)) throw new access.AccessDenied('not-found');
	const [state] = statesOf(db, [row], today(now));
	return { row, relation, state: state! };
}

/** The disagreement's page: opened, and, for anyone but the child, in the access log. */
export function viewDisagreement(
	db: Db,
	actor: access.Actor,
	id: string,
	address: string | null,
	now = new Date()
) {
	const opened = openDisagreement(db, actor, id, now);
	if (!opened.relation.own) {
		accessLog.record(
			db,
			{ actor, action: 'record-viewed', childId: opened.row.childId, address },
			now
		);
	}
	return opened;
}

function appendStep(
	tx: Db,
	actor: access.Actor,
	permit: access.Checked<'handleDisagreements'>,
	disagreement: Entry,
	step: DisagreementStep,
	words: string,
	extra: Partial<Entry>,
	address: string | null,
	now: Date
): Entry {
	const body = docFromPlainText(words);
	const row = appendFinal(
		tx,
		permit,
		draftRow(actor, disagreement.childId, now, {
			kind: 'disagreement_response',
			eventDate: today(now),
			visibility: 'shared',
			title: disagreement.title,
			bodyDoc: body.doc,
			bodyText: body.text,
			supersedesId: disagreement.id,
			details: { step },
			...extra
		}),
		now
	);
	accessLog.record(
		tx,
		{ actor, action: 'disagreement-step', childId: disagreement.childId, address },
		now
	);
	return row;
}

function handling(tx: Db, actor: access.Actor, id: string, now: Date) {
	const opened = openDisagreement(tx, actor, id, now);
	if (!access.seesDisagreement(actor, opened.relation, opened.row, 'handleDisagreements')) {
		throw new access.AccessDenied();
	}
	const permit = access.requireOnRelation(actor, 'handleDisagreements', opened.relation);
	return { ...opened, permit };
}

export function acknowledge(
	db: Db,
	actor: access.Actor,
	id: string,
	address: string | null,
	now = new Date()
): void {
	db.transaction(
		(tx) => {
			const { row, state, permit } = handling(tx, actor, id, now);
			if (state.status !== 'sent') throw new RecordError({ step: 'disagree.problem.done' });
			appendStep(tx, actor, permit, row, { kind: 'acknowledged' }, '', {}, address, now);
		},
		{ behavior: 'immediate' }
	);
}

export function extend(
	db: Db,
	actor: access.Actor,
	id: string,
	input: { months: 1 | 2 | null; reason: string },
	address: string | null,
	now = new Date()
): void {
	db.transaction(
		(tx) => {
			const { row, state, permit } = handling(tx, actor, id, now);
			const problems: Record<string, string> = {};
			if (!input.months) problems.months = 'form.required';
			if (!input.reason) problems.reason = 'form.required';
			if (state.status === 'decided') problems.step = 'disagree.problem.done';
			if (Object.keys(problems).length) throw new RecordError(problems);
			appendStep(
				tx,
				actor,
				permit,
				row,
				{ kind: 'extended', months: input.months!, reason: input.reason },
				input.reason,
				{},
				address,
				now
			);
		},
		{ behavior: 'immediate' }
	);
}

export type DecisionInput = {
	outcome: Outcome | null;
	basis: string;
	/** For "corrected": the entry's new text. */
	correctedText: string;
};

export function readDecisionForm(form: FormReader): DecisionInput {
	return {
		outcome: form.choice('outcome', outcomes, { required: true }),
		basis: form.text('basis', { required: true, max: 4000, multiline: true }),
		correctedText: form.text('correctedText', { max: 20_000, multiline: true })
	};
}

export function decide(
	db: Db,
	actor: access.Actor,
	id: string,
	input: DecisionInput,
	address: string | null,
	now = new Date()
): DisagreementState {
	return db.transaction(
		(tx) => {
			const { row, state, permit } = handling(tx, actor, id, now);
			const problems: Record<string, string> = {};
			if (!input.outcome) problems.outcome = 'form.required';
			if (!input.basis) problems.basis = 'form.required';
			if (input.outcome === 'corrected' && !input.correctedText) {
				problems.correctedText = 'form.required';
			}
			if (state.status === 'decided') problems.step = 'disagree.problem.done';
			if (Object.keys(problems).length) throw new RecordError(problems);
			let correctionId: string | null = null;
			if (input.outcome === 'corrected') {
				// The record issue's correction: a new entry supersedes the disputed one, with the reason.
				const disputed = tx.select().from(entry).where(eq(entry.id, state.disputedId)).get()!;
				const body = docFromPlainText(input.correctedText);
				const draft = createDraft(
					tx,
					actor,
					row.childId,
					{
						kind: disputed.kind === 'decision' ? 'decision' : 'record_entry',
						title: disputed.title,
						body,
						eventDate: disputed.eventDate,
						eventPrecision: disputed.eventPrecision,
						eventLabel: disputed.eventLabel,
						sourceKind: 'first_hand',
						sourceName: null,
						sourceRelationship: null,
						nature: disputed.nature === 'third_party' ? 'fact' : disputed.nature,
						opinionReasons: disputed.opinionReasons,
						decisionBy: disputed.decisionBy,
						decisionBasis: disputed.decisionBasis,
						thirdPartyPermission: false,
						visibility: 'shared',
						confidentialReason: null,
						contentNote: null,
						translation: null,
						correction: { entryId: disputed.id, reason: input.basis }
					},
					now,
					address
				);
				correctionId = finaliseEntry(tx, actor, draft.id, address, now).id;
			}
			appendStep(
				tx,
				actor,
				permit,
				row,
				{ kind: 'decided', outcome: input.outcome!, correctionId },
				input.basis,
				{
					nature: 'decision',
					decisionBy: actor.postTitle
						? `${actor.displayName}, ${actor.postTitle}`
						: actor.displayName,
					decisionBasis: input.basis
				},
				address,
				now
			);
			return statesOf(tx, [row], today(now))[0]!;
		},
		{ behavior: 'immediate' }
	);
}

export type LinkInput = {
	system: CaseSystem | null;
	reference: string;
	url: string;
	note: string;
};

export function readLinkForm(form: FormReader): LinkInput {
	const url = form.text('url', { max: 2000 });
	if (url && !/^https:\/\/[^\s]+$/i.test(url)) form.problem('url', 'disagree.problem.https');
	return {
		system: form.choice('system', caseSystems, { required: true }),
		reference: form.text('reference', { required: true, max: 200 }),
		url,
		note: form.text('note', { max: 2000, multiline: true })
	};
}

/** The rule lives in access (isLinkable; mayLink for a person): this name stays for its callers. */
export const linkable = access.isLinkable;

/** Where an item was put in the formal case record: the system, its reference there, who and when. */
export function linkCaseRecord(
	db: Db,
	actor: access.Actor,
	itemId: string,
	input: LinkInput,
	address: string | null,
	now = new Date()
): Entry {
	return db.transaction(
		(tx) => {
			const item = tx.select().from(entry).where(eq(entry.id, itemId)).get();
			if (!item) throw new access.AccessDenied('not-found');
			const permit = access.requireChild(tx, actor, 'handleDisagreements', item.childId, now);
			if (!access.mayLink(actor, permit, item)) throw new access.AccessDenied('not-found');
			const problems: Record<string, string> = {};
			if (!input.system) problems.system = 'form.required';
			if (!input.reference) problems.reference = 'form.required';
			if (input.url && !/^https:\/\/\S+$/i.test(input.url)) problems.url = 'disagree.problem.https';
			if (Object.keys(problems).length) throw new RecordError(problems);
			const body = docFromPlainText(input.note);
			const row = appendFinal(
				tx,
				permit,
				draftRow(actor, item.childId, now, {
					kind: 'case_record_link',
					eventDate: today(now),
					visibility: 'shared',
					title: item.title,
					bodyDoc: body.doc,
					bodyText: body.text,
					supersedesId: item.id,
					details: {
						caseLink: {
							system: input.system!,
							reference: input.reference,
							url: input.url || null,
							note: input.note
						}
					}
				}),
				now
			);
			accessLog.record(
				tx,
				{ actor, action: 'case-record-linked', childId: item.childId, address },
				now
			);
			return row;
		},
		{ behavior: 'immediate' }
	);
}
