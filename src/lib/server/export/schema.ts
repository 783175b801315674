import type { EntryCard } from '../../record/card';
import { docText } from '../../record/rich-text';
import type { DisagreementState } from '../disagreements/state';

/**
 * The shape of `record.json` in "Download everything", documented in docs/export-schema.md and
 * checked by docs/export.schema.json. Raise the version when a field changes meaning or goes;
 * adding a field is not a change of version.
 */
export const exportSchemaVersion = 1;

const iso = (at: Date | null) => (at ? at.toISOString() : null);

export function cardJson(card: EntryCard, files: Map<string, string | null>) {
	if (card.view === 'neutral') {
		return {
			id: card.id,
			kind: 'lodged_in_confidential_section',
			recordedAt: iso(card.recordedAt)
		};
	}
	return {
		id: card.id,
		kind: card.kind,
		title: card.title,
		text: docText(card.bodyDoc),
		body: card.bodyDoc,
		translation: card.translation
			? {
					language: card.translation.locale,
					title: card.translation.title,
					text: docText(card.translation.bodyDoc),
					translatedBy: card.translation.translatedBy
				}
			: null,
		author: { name: card.author.name, postTitle: card.author.postTitle, role: card.author.role },
		recordedAt: iso(card.recordedAt),
		happened: { date: card.event.date, precision: card.event.precision, inWords: card.event.label },
		source: {
			kind: card.source.kind,
			name: card.source.name,
			relationship: card.source.relationship
		},
		labels: {
			nature: card.nature,
			opinionReasons: card.opinionReasons,
			decisionBy: card.decisionBy,
			decisionBasis: card.decisionBasis,
			thirdParty: card.nature === 'third_party',
			lateEntry: card.isLate
		},
		contentNote: card.contentNote ?? null,
		whoCanSee: card.visibility,
		answers: card.details?.answers ?? null,
		feelings: card.details?.feelings ?? null,
		place: card.details?.place ?? null,
		people: card.details?.people ?? null,
		forMeeting: card.details?.meeting
			? {
					kind: card.details.meeting.kind,
					title: card.details.meeting.title,
					date: card.details.meeting.date
				}
			: null,
		files: card.media.map((m) => ({
			kind: m.kind,
			file: files.get(m.id) ?? null,
			caption: m.caption,
			width: m.width,
			height: m.height
		})),
		responses: card.responses.map((r) => ({
			recordedAt: iso(r.recordedAt),
			by: r.authorName,
			text: docText(r.bodyDoc)
		})),
		disagreements: card.disputes.map((d) => ({
			id: d.id,
			status: d.status,
			outcome: d.outcome,
			yourSide: d.side
		})),
		corrects: card.supersedes ? card.supersedes.id : null,
		correctedBy: card.correctedBy.map((c) => ({
			id: c.id,
			recordedAt: iso(c.recordedAt),
			reason: c.reason,
			by: c.authorName
		})),
		releasedFromConfidentialSectionAt: card.released ? iso(card.released.recordedAt) : null
	};
}

export function disagreementJson(d: DisagreementState) {
	return {
		id: d.id,
		about: d.disputedId,
		title: d.title,
		by: d.byName,
		wrong: d.wrong,
		happened: d.happened,
		wants: d.wants,
		receivedOn: d.receivedOn,
		dueOn: d.dueOn,
		status: d.status,
		steps: [
			...(d.handler ? [{ step: 'acknowledged', by: d.handler.name, at: iso(d.handler.at) }] : []),
			...(d.extension
				? [
						{
							step: 'extended',
							months: d.extension.months,
							reason: d.extension.reason,
							at: iso(d.extension.at)
						}
					]
				: []),
			...(d.decision
				? [
						{
							step: 'decided',
							outcome: d.decision.outcome,
							reason: d.decision.basis,
							by: d.decision.by,
							at: iso(d.decision.at)
						}
					]
				: [])
		],
		linkedToCaseRecord: d.links.map((l) => ({
			system: l.system,
			reference: l.reference,
			at: iso(l.at)
		}))
	};
}

export function lookJson(look: {
	at: Date;
	name: string | null;
	role: string | null;
	postTitle: string | null;
	action: string;
}) {
	return {
		at: look.at.toISOString(),
		who: look.name,
		role: look.role,
		postTitle: look.postTitle,
		what: look.action
	};
}
