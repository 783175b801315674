import type { Db } from '../db';
import type { Entry, Outcome } from '../db/schema';
import { entriesAbout } from '../record/about';
import { daysLeft, dueDate } from '../dates/due-date';

/**
 * Where a disagreement has got to, worked out from the entries that answer it (each step is an
 * entry of its own, so the chain holds who did what and when).
 */
export type DisagreementState = {
	id: string;
	childId: string;
	disputedId: string;
	title: string;
	byName: string;
	wrong: string;
	happened: string;
	wants: string[];
	receivedOn: string;
	dueOn: string;
	daysLeft: number;
	extension: { months: number; reason: string; at: Date | null } | null;
	status: 'sent' | 'acknowledged' | 'decided';
	handler: { name: string; postTitle: string | null; at: Date | null } | null;
	decision: {
		outcome: Outcome;
		basis: string;
		by: string;
		at: Date | null;
		correctionId: string | null;
	} | null;
	links: CaseLink[];
};

export type CaseLink = {
	id: string;
	system: string;
	reference: string;
	url: string | null;
	note: string;
	byName: string;
	at: Date | null;
};

export function linkOf(row: Entry): CaseLink {
	const link = row.details!.caseLink!;
	return {
		id: row.id,
		system: link.system,
		reference: link.reference,
		url: link.url,
		note: link.note,
		byName: row.authorName,
		at: row.recordedAt
	};
}

export function statesOf(db: Db, rows: Entry[], today: string): DisagreementState[] {
	const ids = rows.map((r) => r.id);
	const steps = entriesAbout(db, ids, 'disagreement_response');
	const links = entriesAbout(db, ids, 'case_record_link');
	return rows.map((row) => {
		const said = row.details!.disagreement!;
		const mine = steps.filter((s) => s.supersedesId === row.id);
		const ack = mine.find((s) => s.details?.step?.kind === 'acknowledged');
		const extended = mine.filter((s) => s.details?.step?.kind === 'extended').at(-1);
		const decided = mine.find((s) => s.details?.step?.kind === 'decided');
		const months = extended?.details?.step?.kind === 'extended' ? extended.details.step.months : 0;
		const due = dueDate(said.receivedOn, { extendedMonths: months as 0 | 1 | 2 });
		const step = decided?.details?.step;
		return {
			id: row.id,
			childId: row.childId,
			disputedId: row.supersedesId!,
			title: row.title,
			byName: row.authorName,
			wrong: said.wrong,
			happened: said.happened,
			wants: said.wants,
			receivedOn: said.receivedOn,
			dueOn: due,
			daysLeft: daysLeft(due, today),
			extension: extended ? { months, reason: extended.bodyText, at: extended.recordedAt } : null,
			status: decided ? 'decided' : ack ? 'acknowledged' : 'sent',
			handler: ack
				? { name: ack.authorName, postTitle: ack.authorPostTitle, at: ack.recordedAt }
				: null,
			decision:
				decided && step?.kind === 'decided'
					? {
							outcome: step.outcome,
							basis: decided.decisionBasis ?? '',
							by: decided.decisionBy ?? decided.authorName,
							at: decided.recordedAt,
							correctionId: step.correctionId
						}
					: null,
			links: links.filter((l) => l.supersedesId === row.id).map(linkOf)
		};
	});
}
