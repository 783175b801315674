import type { Db } from '../db';
import type { User } from '../db/schema';
import { actorFrom } from '../access';
import { createDraft, finaliseEntry } from '../record/write';
import { docFromPlainText } from '../record/sanitise';
import { parseEventDate } from '../record/event-date';
import type { EntryInput } from '../record/input';
import { demoRecord, type DemoEntry } from './record-entries';

const day = 24 * 60 * 60 * 1000;

/** When the demo entry was written: on the day (or days after) at five in the afternoon. */
function recordedAt(entry: DemoEntry): Date {
	const [y, m = 1, d = 1] = entry.eventDate.split('-').map(Number);
	const event = Date.UTC(y!, m - 1, d, 17, 0, 0);
	return new Date(event + (entry.recordedDaysAfter ?? 0) * day);
}

function inputOf(entry: DemoEntry, corrects: string | null, translator: string): EntryInput {
	const when = parseEventDate(entry.eventDate);
	if (!when) throw new Error(`Demo entry ${entry.key} has a bad date: ${entry.eventDate}`);
	return {
		kind: entry.kind,
		title: entry.title,
		body: docFromPlainText(entry.body),
		eventDate: when.date,
		eventPrecision: entry.precision === 'about' ? 'about' : when.precision,
		eventLabel: entry.eventLabel ?? null,
		sourceKind: entry.source?.kind ?? 'first_hand',
		sourceName: entry.source?.name ?? null,
		sourceRelationship: entry.source?.kind === 'person' ? entry.source.relationship : null,
		nature: entry.nature,
		opinionReasons: entry.opinionReasons ?? null,
		decisionBy: entry.decisionBy ?? null,
		decisionBasis: entry.decisionBasis ?? null,
		thirdPartyPermission: entry.thirdPartyPermission ?? false,
		visibility: entry.visibility,
		confidentialReason: entry.confidentialReason ?? null,
		contentNote: entry.contentNote ?? null,
		translation: entry.welsh
			? {
					locale: 'cy',
					title: entry.welsh.title,
					body: docFromPlainText(entry.welsh.body),
					translatedBy: translator
				}
			: null,
		correction:
			corrects && entry.corrects ? { entryId: corrects, reason: entry.corrects.reason } : null
	};
}

/** A demo record (Maya's unless another is given), written and finalised by its authors in the order it was recorded. */
export function seedDemoRecord(
	db: Db,
	authors: Partial<Record<DemoEntry['author'], User>>,
	childId: string,
	record: DemoEntry[] = demoRecord
): number {
	const ids = new Map<string, string>();
	const times = new Map(record.map((e) => [e.key, recordedAt(e)]));
	for (const entry of record) {
		// A correction is written after what it corrects.
		const original = entry.corrects && times.get(entry.corrects.key);
		if (original && original >= times.get(entry.key)!)
			times.set(entry.key, new Date(original.getTime() + day));
	}
	const ordered = [...record].sort(
		(a, b) => times.get(a.key)!.getTime() - times.get(b.key)!.getTime()
	);
	for (const entry of ordered) {
		const writer = authors[entry.author];
		if (!writer) throw new Error(`Demo entry ${entry.key}: no author ${entry.author}`);
		const author = actorFrom(writer, null);
		const at = times.get(entry.key)!;
		const corrects = entry.corrects ? (ids.get(entry.corrects.key) ?? null) : null;
		const draft = createDraft(
			db,
			author,
			childId,
			inputOf(entry, corrects, author.displayName),
			at
		);
		finaliseEntry(db, author, draft.id, null, at);
		ids.set(entry.key, draft.id);
	}
	return ordered.length;
}
