import { and, asc, eq, inArray } from 'drizzle-orm';
import type { Db } from '../db';
import {
	childProfile,
	entry,
	meeting,
	type Entry,
	type Feeling,
	type MeetingKind,
	type Outcome,
	type Precision,
	type Role,
	type SourceKind,
	type ViewPrompt,
	type Visibility
} from '../db/schema';
import { linkOf, statesOf } from '../disagreements/state';
import { linkable } from '../disagreements/steps';

/**
 * One item for the formal case record, as JSON a case system can keep: a disagreement, or a
 * view, life event or memory the child put in their record. It holds the item itself and the
 * answers to it, nothing else: no staff-only, confidential or third-party material.
 * docs/case-item.md describes it and docs/case-item.schema.json is its schema.
 */

export const caseItemSchema = 'https://waymark.example/schema/case-item/v1.json';

/** Entries that answer an item or link it: a new one is a change to the item. */
export const answerKinds = ['disagreement_response', 'case_record_link', 'view_response'] as const;

type Person = { name: string; postTitle: string | null; role: Role };

export type CaseItem = {
	schema: typeof caseItemSchema;
	schemaVersion: 1;
	id: string;
	kind: 'disagreement' | 'view' | 'life_event' | 'memory';
	updatedAt: string;
	child: { id: string; preferredName: string; caseSystemPersonId: string | null };
	author: Person;
	provenance: {
		recordedAt: string;
		event: { date: string; precision: Precision; label: string | null; age: number | null };
		source: { kind: SourceKind; name: string | null; label: string };
	};
	visibility: Visibility;
	words: {
		title: string;
		text: string;
		answers: Partial<Record<ViewPrompt, string>> | null;
		feelings: Feeling[];
		place: string | null;
		people: string | null;
	};
	meeting: { id: string; kind: MeetingKind; title: string | null; date: string } | null;
	media: { id: string; kind: 'photo' | 'audio'; caption: string; sha256: string; path: string }[];
	disagreement: {
		wrong: string;
		happened: string;
		wants: string[];
		about: { id: string; title: string; recordedAt: string | null };
		receivedOn: string;
		dueOn: string;
		status: 'sent' | 'acknowledged' | 'decided';
		extension: { months: number; reason: string; at: string | null } | null;
		handler: { name: string; postTitle: string | null; at: string | null } | null;
		decision: {
			outcome: Outcome;
			basis: string;
			by: string;
			at: string | null;
			correctionId: string | null;
		} | null;
	} | null;
	responses: { id: string; text: string; by: Person; recordedAt: string }[];
	caseRecordLinks: {
		id: string;
		system: string;
		reference: string;
		url: string | null;
		note: string;
		byName: string;
		linkedAt: string | null;
	}[];
	chain: { seq: number; hash: string };
};

const iso = (d: Date | null) => (d ? d.toISOString() : null);

function sourceLabel(row: Entry): string {
	if (row.sourceKind === 'child_words') return "The child's own words";
	if (row.sourceKind === 'helped') return `Written with help from ${row.sourceName ?? 'someone'}`;
	return row.sourceName ?? row.sourceKind;
}

/** The final answers and links to these items, oldest first. */
export function answersOf(db: Db, ids: string[]): Entry[] {
	if (!ids.length) return [];
	return db
		.select()
		.from(entry)
		.where(
			and(
				inArray(entry.supersedesId, ids),
				inArray(entry.kind, [...answerKinds]),
				eq(entry.status, 'final')
			)
		)
		.orderBy(asc(entry.recordedAt), asc(entry.seq))
		.all();
}

/** Items as JSON, in the order given. Callers decide who may have them. */
export function caseItemsJson(db: Db, rows: Entry[]): CaseItem[] {
	// Only what belongs in the case record, whatever a caller passes.
	if (!rows.every(linkable)) throw new Error('Not a case item');
	const ids = rows.map((r) => r.id);
	const answers = answersOf(db, ids);
	const childIds = [...new Set(rows.map((r) => r.childId))];
	const children = new Map(
		(childIds.length
			? db.select().from(childProfile).where(inArray(childProfile.id, childIds)).all()
			: []
		).map((c) => [c.id, c])
	);
	const meetingIds = rows.flatMap((r) => (r.details?.meetingId ? [r.details.meetingId] : []));
	const meetings = new Map(
		(meetingIds.length
			? db.select().from(meeting).where(inArray(meeting.id, meetingIds)).all()
			: []
		).map((m) => [m.id, m])
	);
	const disagreements = rows.filter((r) => r.kind === 'disagreement');
	// Days left is left out (it changes daily without the item changing), so any day will do.
	const states = new Map(statesOf(db, disagreements, '2000-01-01').map((s) => [s.id, s]));
	const disputed = new Map(
		(disagreements.length
			? db
					.select({ id: entry.id, title: entry.title, recordedAt: entry.recordedAt })
					.from(entry)
					.where(
						inArray(
							entry.id,
							disagreements.map((d) => d.supersedesId!)
						)
					)
					.all()
			: []
		).map((d) => [d.id, d])
	);

	return rows.map((row): CaseItem => {
		const child = children.get(row.childId)!;
		const details = row.details ?? {};
		const mine = answers.filter((a) => a.supersedesId === row.id);
		const latest = Math.max(...[row, ...mine].map((e) => e.recordedAt?.getTime() ?? 0));
		const m = details.meetingId ? meetings.get(details.meetingId) : undefined;
		const state = states.get(row.id);
		const about = disputed.get(row.supersedesId ?? '');
		return {
			schema: caseItemSchema,
			schemaVersion: 1,
			id: row.id,
			kind: row.kind as CaseItem['kind'],
			updatedAt: new Date(latest).toISOString(),
			child: {
				id: child.id,
				preferredName: child.preferredName,
				caseSystemPersonId: child.caseSystemPersonId
			},
			author: { name: row.authorName, postTitle: row.authorPostTitle, role: row.authorRole },
			provenance: {
				recordedAt: iso(row.recordedAt)!,
				event: {
					date: row.eventDate,
					precision: row.eventPrecision,
					label: row.eventLabel,
					age: details.age ?? null
				},
				source: { kind: row.sourceKind, name: row.sourceName, label: sourceLabel(row) }
			},
			visibility: row.visibility,
			words: {
				title: row.title,
				text: row.bodyText,
				answers: row.kind === 'view' ? (details.answers ?? {}) : null,
				feelings: details.feelings ?? [],
				place: details.place ?? null,
				people: details.people ?? null
			},
			meeting: m ? { id: m.id, kind: m.kind, title: m.title, date: m.date } : null,
			media: (details.media ?? []).map((f) => ({
				...f,
				path: `/api/media/${f.id}/${f.kind === 'photo' ? 'display' : 'audio'}`
			})),
			disagreement:
				state && about
					? {
							wrong: state.wrong,
							happened: state.happened,
							wants: state.wants,
							about: { id: about.id, title: about.title, recordedAt: iso(about.recordedAt) },
							receivedOn: state.receivedOn,
							dueOn: state.dueOn,
							status: state.status,
							extension: state.extension && { ...state.extension, at: iso(state.extension.at) },
							handler: state.handler && { ...state.handler, at: iso(state.handler.at) },
							decision: state.decision && { ...state.decision, at: iso(state.decision.at) }
						}
					: null,
			responses: mine
				.filter((a) => a.kind === 'view_response')
				.map((a) => ({
					id: a.id,
					text: a.bodyText,
					by: { name: a.authorName, postTitle: a.authorPostTitle, role: a.authorRole },
					recordedAt: iso(a.recordedAt)!
				})),
			caseRecordLinks: mine
				.filter((a) => a.kind === 'case_record_link')
				.map(linkOf)
				.map(({ at, ...link }) => ({ ...link, linkedAt: iso(at) })),
			chain: { seq: row.seq!, hash: row.hash! }
		};
	});
}

export function caseItemJson(db: Db, row: Entry): CaseItem {
	return caseItemsJson(db, [row])[0]!;
}
