import type { Entry } from '../db/schema';
import type { Actor } from '../access';
import { randomId } from '../crypto/random';
import { eventSortKey } from './event-date';

type Required = Pick<Entry, 'kind' | 'title' | 'bodyDoc' | 'bodyText' | 'eventDate' | 'visibility'>;

/**
 * A new draft row with its provenance (who wrote it, as they were then) and every column a
 * kind does not use left empty. Nothing is written: the caller inserts it, then bars it or not.
 */
export function draftRow(
	actor: Actor,
	childId: string,
	now: Date,
	fields: Required & Partial<Omit<Entry, 'id' | 'childId' | 'status' | 'authorUserId'>>
): Entry {
	return {
		id: randomId(),
		childId,
		status: 'draft',
		authorUserId: actor.id,
		authorName: actor.displayName,
		authorPostTitle: actor.postTitle,
		authorRole: actor.role,
		createdAt: now,
		updatedAt: now,
		recordedAt: null,
		eventPrecision: 'day',
		eventLabel: null,
		eventSort: eventSortKey(fields.eventDate),
		sourceKind: 'first_hand',
		sourceName: null,
		sourceRelationship: null,
		nature: 'fact',
		opinionReasons: null,
		decisionBy: null,
		decisionBasis: null,
		thirdPartyPermission: false,
		confidentialReason: null,
		isLate: false,
		translations: [],
		supersedesId: null,
		correctionReason: null,
		details: null,
		contentNote: null,
		seq: null,
		prevHash: null,
		hash: null,
		...fields
	};
}
