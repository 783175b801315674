import { eq } from 'drizzle-orm';
import type { Db } from '../db';
import { disagreementWants, entry, type DisagreementWant, type Entry } from '../db/schema';
import * as access from '../access';
import * as accessLog from '../audit/access-log';
import { docFromPlainText } from '../record/sanitise';
import { draftRow } from '../record/rows';
import { appendFinal, insertDraft } from '../record/write';
import { RecordError } from '../record/errors';
import { releasesOf } from '../record/confidential';
import type { FormReader, Problems } from '../validation';
import { receivedOnFor } from '../dates/due-date';
import { today } from '../dates/day';

/**
 * "I disagree": a child (or their advocate, with them) says an entry shared with them is wrong.
 * The disagreement is an entry of its own, in the chain, naming the entry it is about; from then
 * on that entry shows it is disputed, to everyone who can see it.
 */

/** The entry was disputed already (a second tab, a form sent twice): its disagreement's id. */
export class AlreadyDisputed extends Error {
	constructor(readonly disagreementId: string) {
		super('already disputed');
	}
}

export type DisagreementInput = { wrong: string; happened: string; wants: DisagreementWant[] };

export function readDisagreementForm(form: FormReader): DisagreementInput {
	return {
		wrong: form.text('wrong', { required: true, max: 4000, multiline: true }),
		happened: form.text('happened', { max: 4000, multiline: true }),
		wants: disagreementWants.filter((w) => form.text(`want-${w}`) === 'on')
	};
}

/**
 * The entry, when this person may disagree with it (access.mayDispute: which kinds, and why);
 * AccessDenied otherwise. A confidential item a manager moved out is read, and disputed, where
 * it was moved to.
 */
export function disputableEntry(db: Db, actor: access.Actor, entryId: string, now = new Date()) {
	const row = db.select().from(entry).where(eq(entry.id, entryId)).get();
	if (!row) throw new access.AccessDenied('not-found');
	const relation = access.requireChild(db, actor, 'disagree', row.childId, now);
	const releasedTo =
		row.visibility === 'confidential'
			? (releasesOf(db, [row.id]).get(row.id)?.visibility ?? null)
			: null;
	if (!access.mayDispute(actor, relation, row, releasedTo)) {
		throw new access.AccessDenied('not-found');
	}
	// Already disputed: the disagreement to follow instead, one this person sees.
	const disputedBy =
		db
			.select()
			.from(entry)
			.where(access.disagreementsAbout(row.id))
			.all()
			.find((d) => access.seesDisagreement(actor, relation, d))?.id ?? null;
	return { row, relation, disputedBy };
}

function check(input: DisagreementInput): Problems {
	const problems: Problems = {};
	if (!input.wrong) problems.wrong = 'form.required';
	if (!input.wants.length) problems.wants = 'disagree.problem.wants';
	return problems;
}

function bodyOf(input: DisagreementInput) {
	return docFromPlainText([input.wrong, input.happened].filter(Boolean).join('\n\n'));
}

/**
 * A draft disagreement, so that photos or a recording can be added before it is sent (the
 * child's own space does the adding and sending); an advocate's goes straight in.
 */
export function startDisagreement(
	db: Db,
	actor: access.Actor,
	entryId: string,
	input: DisagreementInput,
	address: string | null,
	now = new Date()
): Entry {
	return db.transaction(
		(tx) => {
			const { row, relation, disputedBy } = disputableEntry(tx, actor, entryId, now);
			if (disputedBy) throw new AlreadyDisputed(disputedBy);
			const problems = check(input);
			if (Object.keys(problems).length) throw new RecordError(problems);
			const body = bodyOf(input);
			const byChild = access.isChildRole(actor.role);
			const draft = draftRow(actor, row.childId, now, {
				kind: 'disagreement',
				eventDate: today(now),
				// The child's say goes into their record, for their workers and advocate.
				visibility: 'record',
				sourceKind: byChild ? 'child_words' : 'helped',
				sourceName: byChild ? null : actor.displayName,
				title: row.title,
				bodyDoc: body.doc,
				bodyText: body.text,
				supersedesId: row.id,
				details: { disagreement: { ...input, receivedOn: receivedOnFor(now) } }
			});
			if (byChild) return insertDraft(tx, relation, draft);
			const final = appendFinal(tx, relation, draft, now);
			accessLog.record(
				tx,
				{ actor, action: 'disagreement-sent', childId: row.childId, address },
				now
			);
			return final;
		},
		{ behavior: 'immediate' }
	);
}
