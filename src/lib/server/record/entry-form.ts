import { natures, staffVisibilities, type Entry } from '../db/schema';
import { isSourceRelationship, sourceRelationships } from '../../record/relationships';
import type { FormReader } from '../validation';
import { parseEventDate } from './event-date';
import type { Body, EntryInput } from './input';
import { docFromPlainText, sanitiseDoc } from './sanitise';

const sourceKinds = ['first_hand', 'person', 'document'] as const;
const kinds = ['record_entry', 'decision'] as const;

/**
 * The body comes from the editor (its document, as JSON) or, without JavaScript, from a plain
 * textarea. Either way the server rebuilds it; nothing else from the client is trusted.
 */
export function readBody(form: FormReader, docField: string, textField: string): Body {
	const json = form.secret(docField, { max: 400_000 });
	if (json) {
		try {
			return sanitiseDoc(JSON.parse(json));
		} catch {
			form.problem(textField, 'form.invalid');
		}
	}
	return docFromPlainText(form.secret(textField, { max: 100_000 }));
}

/**
 * Who the informant is to the child: a relationship from the list, kept as its key so every reader
 * gets it in their own language, or "someone else" in the writer's own words.
 */
function readRelationship(form: FormReader): string | null {
	const chosen = form.choice('sourceRelationship', [...sourceRelationships, 'other']);
	const own = form.text('sourceRelationshipOther', { max: 200 });
	if (chosen !== 'other') return chosen;
	if (!own) form.problem('sourceRelationshipOther', 'form.required');
	return own || null;
}

/** Reads the staff entry form into an entry, noting any field that cannot be read. */
export function readEntryForm(form: FormReader, correctsId: string | null): EntryInput {
	const short = { max: 200 };
	const long = { max: 4000, multiline: true };
	const optional = (value: string) => value || null;
	const kind = form.choice('kind', kinds) ?? 'record_entry';
	const title = form.text('title', { required: true, max: 160 });
	const body = readBody(form, 'bodyDoc', 'bodyText');
	form.values.bodyText = body.text;
	form.values.bodyDoc = JSON.stringify(body.doc);
	const when = parseEventDate(form.text('eventDate', { required: true, max: 10 }));
	if (!when && !form.problems.eventDate) form.problem('eventDate', 'record.problem.eventDate');
	const approximate = form.text('approximate') === 'on';
	const translationLocale = form.text('translationLocale', { max: 10 });
	const translationBody = docFromPlainText(form.secret('translationBody', { max: 100_000 }));
	form.values.translationBody = translationBody.text;
	return {
		kind,
		title,
		body,
		eventDate: when?.date ?? '1900',
		eventPrecision: approximate ? 'about' : (when?.precision ?? 'day'),
		eventLabel: approximate ? optional(form.text('eventLabel', short)) : null,
		sourceKind: form.choice('sourceKind', sourceKinds) ?? 'first_hand',
		sourceName: optional(form.text('sourceName', short)),
		sourceRelationship: readRelationship(form),
		nature: form.choice('nature', natures, { required: true }) ?? 'fact',
		opinionReasons: optional(form.text('opinionReasons', long)),
		decisionBy: optional(form.text('decisionBy', short)),
		decisionBasis: optional(form.text('decisionBasis', long)),
		thirdPartyPermission: form.text('thirdPartyPermission') === 'on',
		visibility: form.choice('visibility', staffVisibilities, { required: true }) ?? 'staff_only',
		confidentialReason: optional(form.text('confidentialReason', long)),
		contentNote: optional(form.text('contentNote', { max: 300 })),
		translation: translationLocale
			? {
					locale: translationLocale,
					title: form.text('translationTitle', { max: 160 }),
					body: translationBody,
					translatedBy: form.text('translatedBy', short)
				}
			: null,
		correction: correctsId
			? {
					entryId: correctsId,
					reason: form.text('correctionReason', { max: 2000, multiline: true })
				}
			: null
	};
}

/** The form's fields filled from an entry: to edit a draft, or to start a correction from it. */
export function formValuesOf(row: Entry): Record<string, string> {
	const translation = row.translations[0];
	return {
		kind: row.kind === 'decision' ? 'decision' : 'record_entry',
		title: row.title,
		bodyText: row.bodyText,
		bodyDoc: JSON.stringify(row.bodyDoc),
		eventDate: row.eventDate,
		approximate: row.eventPrecision === 'about' ? 'on' : '',
		eventLabel: row.eventLabel ?? '',
		sourceKind: row.sourceKind,
		sourceName: row.sourceName ?? '',
		...relationshipValues(row.sourceRelationship),
		nature: row.nature,
		opinionReasons: row.opinionReasons ?? '',
		decisionBy: row.decisionBy ?? '',
		decisionBasis: row.decisionBasis ?? '',
		thirdPartyPermission: row.thirdPartyPermission ? 'on' : '',
		visibility: row.visibility,
		confidentialReason: row.confidentialReason ?? '',
		contentNote: row.contentNote ?? '',
		translationLocale: translation?.locale ?? '',
		translationTitle: translation?.title ?? '',
		translationBody: translation?.bodyText ?? '',
		translatedBy: translation?.translatedBy ?? '',
		correctionReason: row.correctionReason ?? ''
	};
}

/** The relationship's two fields: its key from the list, or "someone else" and the words. */
function relationshipValues(stored: string | null) {
	if (!stored || isSourceRelationship(stored))
		return { sourceRelationship: stored ?? '', sourceRelationshipOther: '' };
	return { sourceRelationship: 'other', sourceRelationshipOther: stored };
}
