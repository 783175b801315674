import { asc } from 'drizzle-orm';
import type { Db } from '../db';
import { media, type Entry } from '../db/schema';
import { meetingsOf } from '../space/meetings';
import * as access from '../access';
import type { Doc } from '../../record/rich-text';
import type { EntryCard, FullCard } from '../../record/card';
import { releasesOf } from '../record/confidential';
import { statesOf } from '../disagreements/state';
import { entriesAbout, entriesWithIds } from '../record/about';
import { inJsonList, preparedOnce } from '../db/prepared';
import { today } from '../dates/day';

/**
 * Entries as a reader may see them: cards with their labels, and what points at them
 * (corrections, answers, disputes, a release from the confidential section, photos).
 */

function card(row: Entry, locale: string | null): FullCard {
	const translation = locale ? row.translations.find((t) => t.locale === locale) : undefined;
	return {
		view: 'full',
		id: row.id,
		kind: row.kind,
		status: row.status,
		title: row.title,
		bodyDoc: row.bodyDoc as Doc,
		translation: translation
			? {
					locale: translation.locale,
					title: translation.title,
					bodyDoc: translation.bodyDoc as Doc,
					translatedBy: translation.translatedBy
				}
			: null,
		translationLocales: row.translations.map((t) => t.locale),
		author: {
			id: row.authorUserId,
			name: row.authorName,
			postTitle: row.authorPostTitle,
			role: row.authorRole
		},
		createdAt: row.createdAt,
		recordedAt: row.recordedAt,
		event: { date: row.eventDate, precision: row.eventPrecision, label: row.eventLabel },
		source: { kind: row.sourceKind, name: row.sourceName, relationship: row.sourceRelationship },
		nature: row.nature,
		opinionReasons: row.opinionReasons,
		decisionBy: row.decisionBy,
		decisionBasis: row.decisionBasis,
		thirdPartyPermission: row.thirdPartyPermission,
		visibility: row.visibility,
		confidentialReason: row.confidentialReason,
		contentNote: row.contentNote,
		isLate: row.isLate,
		supersedes: null,
		correctedBy: [],
		released: null,
		details: row.details
			? {
					answers: row.details.answers,
					feelings: row.details.feelings,
					place: row.details.place,
					people: row.details.people,
					age: row.details.age,
					urgent: row.details.urgent,
					meetingId: row.details.meetingId
				}
			: null,
		media: [],
		responses: [],
		disputes: []
	};
}

const mediaQuery = preparedOnce((db) =>
	db
		.select({
			id: media.id,
			entryId: media.entryId,
			kind: media.kind,
			caption: media.caption,
			width: media.width,
			height: media.height
		})
		.from(media)
		.where(inJsonList(media.entryId, 'ids'))
		.orderBy(asc(media.createdAt), asc(media.id))
		.prepare()
);

/** The photos and recordings of these entries, oldest first. */
function mediaOf(db: Db, ids: string[]) {
	return ids.length ? mediaQuery(db).all({ ids: JSON.stringify(ids) }) : [];
}

/**
 * Turns rows into what the reader may see: full cards, neutral notes for confidential items, and
 * for each entry the corrections of it and what it corrects, when the reader may see those.
 */
export function cardsFor(
	db: Db,
	actor: access.Actor,
	relation: access.ChildRelation,
	rows: Entry[],
	locale: string | null
): EntryCard[] {
	// Few rows, found by their own indexes; each is then checked against the policy one by one.
	const ids = rows.map((r) => r.id);
	const linkedIds = rows.map((r) => r.supersedesId).filter((id): id is string => !!id);
	const corrections = entriesAbout(db, ids, 'correction');
	const answers = entriesAbout(db, ids, 'view_response');
	const files = mediaOf(db, ids);
	// Only disagreements this reader may see in full come with the entry they dispute.
	const disputes = statesOf(
		db,
		entriesAbout(db, ids, 'disagreement').filter(
			(d) => access.entryView(actor, relation, d) === 'full'
		),
		today()
	);
	const releases = releasesOf(
		db,
		rows.filter((r) => r.visibility === 'confidential').map((r) => r.id)
	);
	const meetings = meetingsOf(db, rows);
	const originals = entriesWithIds(db, linkedIds);
	return rows.map((row): EntryCard => {
		const release = releases.get(row.id);
		const view = access.entryView(actor, relation, row, release?.visibility ?? null);
		if (view === 'neutral') return { view: 'neutral', id: row.id, recordedAt: row.recordedAt };
		const full = card(row, locale);
		const meeting = row.details?.meetingId ? meetings.get(row.details.meetingId) : undefined;
		if (full.details && meeting?.childId === row.childId) {
			const { childId: _, ...forMeeting } = meeting;
			full.details.meeting = forMeeting;
		}
		const original = originals.find((o) => o.id === row.supersedesId);
		if (
			original &&
			original.childId === row.childId &&
			access.entryView(actor, relation, original) === 'full'
		) {
			full.supersedes = { id: original.id, title: original.title };
		}
		if (release) {
			// The decision itself (and the originator's view in it) is staff matter.
			const seesDecision = access.entryView(actor, relation, release) === 'full';
			full.released = {
				recordedAt: release.recordedAt,
				id: seesDecision ? release.id : null,
				to: seesDecision ? access.visibilityNow(row, release.visibility) : null
			};
		}
		full.media = files.filter((f) => f.entryId === row.id).map(({ entryId: _, ...f }) => f);
		full.responses = answers
			.filter(
				(a) =>
					a.supersedesId === row.id &&
					a.childId === row.childId &&
					access.entryView(actor, relation, a) === 'full'
			)
			.map((a) => ({
				id: a.id,
				recordedAt: a.recordedAt,
				authorName: a.authorName,
				bodyDoc: a.bodyDoc as Doc
			}));
		full.disputes = disputes
			.filter((d) => d.disputedId === row.id && d.childId === row.childId)
			.map((d) => ({
				id: d.id,
				byName: d.byName,
				receivedOn: d.receivedOn,
				status: d.status,
				outcome: d.decision?.outcome ?? null,
				side:
					d.decision?.outcome === 'side_added'
						? [d.wrong, d.happened].filter(Boolean).join('\n\n')
						: null
			}));
		full.correctedBy = corrections
			.filter(
				(c) =>
					c.supersedesId === row.id &&
					c.childId === row.childId &&
					access.entryView(actor, relation, c) === 'full'
			)
			.map((c) => ({
				id: c.id,
				recordedAt: c.recordedAt,
				reason: c.correctionReason ?? '',
				authorName: c.authorName
			}));
		return full;
	});
}
