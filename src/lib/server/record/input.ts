import type { Doc } from '../../record/rich-text';
import type { Nature, Precision, SourceKind } from '../db/schema';
import type { Problems } from '../validation';
import { isInFuture } from '../dates/day';
import { locales } from '../../i18n/locales';

export type Body = { doc: Doc; text: string };

/** A staff entry as written: everything but its provenance, which the server adds. */
export type EntryInput = {
	kind: 'record_entry' | 'decision';
	title: string;
	body: Body;
	eventDate: string;
	eventPrecision: Precision;
	eventLabel: string | null;
	sourceKind: Extract<SourceKind, 'first_hand' | 'person' | 'document'>;
	sourceName: string | null;
	sourceRelationship: string | null;
	nature: Nature;
	opinionReasons: string | null;
	decisionBy: string | null;
	decisionBasis: string | null;
	thirdPartyPermission: boolean;
	visibility: 'shared' | 'staff_only' | 'confidential';
	confidentialReason: string | null;
	/** A shared entry that is hard to read: what the reader is told before they choose to read it. */
	contentNote: string | null;
	translation: { locale: string; title: string; body: Body; translatedBy: string } | null;
	/** A correction: the entry it supersedes, and why. */
	correction: { entryId: string; reason: string } | null;
};

/** The rules the policies set for every entry. Field names match the form's. */
export function checkEntry(input: EntryInput, now: Date): Problems {
	const problems: Problems = {};
	if (!input.body.text) problems.body = 'form.required';
	if (isInFuture(input.eventDate, now)) problems.eventDate = 'record.problem.future';
	if (input.eventPrecision === 'about' && !input.eventLabel) problems.eventLabel = 'form.required';
	if (input.nature === 'opinion' && !input.opinionReasons) {
		problems.opinionReasons = 'record.problem.reasons';
	}
	if (input.nature === 'decision' || input.kind === 'decision') {
		if (input.nature !== 'decision') problems.nature = 'record.problem.decisionNature';
		if (!input.decisionBy) problems.decisionBy = 'record.problem.decisionBy';
		if (!input.decisionBasis) problems.decisionBasis = 'record.problem.decisionBasis';
	}
	if (input.sourceKind !== 'first_hand' && !input.sourceName) problems.sourceName = 'form.required';
	if (input.nature === 'third_party' && input.sourceKind === 'first_hand') {
		problems.sourceKind = 'record.problem.thirdPartySource';
	}
	if (
		input.visibility === 'shared' &&
		input.nature === 'third_party' &&
		!input.thirdPartyPermission
	) {
		problems.visibility = 'record.problem.thirdPartyShared';
	}
	if (input.visibility === 'confidential' && !input.confidentialReason) {
		problems.confidentialReason = 'record.problem.confidentialReason';
	}
	if (input.contentNote && input.visibility !== 'shared') {
		problems.contentNote = 'record.problem.contentNoteShared';
	}
	if (input.translation) {
		if (input.visibility !== 'shared')
			problems.translationLocale = 'record.problem.translationShared';
		if (
			!locales.some((l) => l.code === input.translation!.locale) ||
			input.translation.locale === 'en-GB'
		) {
			problems.translationLocale = 'form.invalid';
		}
		if (!input.translation.title) problems.translationTitle = 'form.required';
		if (!input.translation.body.text) problems.translationBody = 'form.required';
		if (!input.translation.translatedBy) problems.translatedBy = 'form.required';
	}
	if (input.correction && !input.correction.reason)
		problems.correctionReason = 'record.problem.correctionReason';
	return problems;
}
