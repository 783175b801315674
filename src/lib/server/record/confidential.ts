import { and, asc, eq } from 'drizzle-orm';
import type { Db } from '../db';
import { childProfile, entry, type Entry } from '../db/schema';
import * as access from '../access';
import * as accessLog from '../audit/access-log';
import { FormReader, type Problems } from '../validation';
import { docFromPlainText } from './sanitise';
import { appendFinal } from './write';
import { entriesAbout } from './about';
import { draftRow } from './rows';
import { RecordError } from './errors';
import * as dates from '../dates/day';

/**
 * The confidential section belongs to the manager (DESIGN section 1). They review what is lodged
 * there and may move an item out, to "shared with the child" or "staff only", but only after
 * consulting whoever lodged it, and recording that they did and what that person thought. The
 * move is itself an entry (kind `confidential_release`) in the child's chain; the item it moves
 * is never changed.
 */

export const releaseTargets = ['shared', 'staff_only'] as const;
export type ReleaseTarget = (typeof releaseTargets)[number];

export type ReleaseInput = {
	visibility: ReleaseTarget | null;
	originatorConsulted: boolean;
	originatorView: string;
};

export function readReleaseForm(form: FormReader): ReleaseInput {
	return {
		visibility: form.choice('visibility', releaseTargets, { required: true }),
		originatorConsulted: form.text('originatorConsulted') === 'yes',
		originatorView: form.text('originatorView', { required: true, max: 5000, multiline: true })
	};
}

/**
 * Confidential items still in the section, for the children of the manager's home or team: the
 * policy's review scope (access/confidential.ts), in one query.
 */
export function confidentialQueue(
	db: Db,
	actor: access.Actor,
	address: string | null,
	now = new Date()
) {
	if (!access.allows(actor, 'reviewConfidential')) throw new access.AccessDenied();
	const items = db
		.select({
			id: entry.id,
			childId: entry.childId,
			childName: childProfile.preferredName,
			title: entry.title,
			reason: entry.confidentialReason,
			authorName: entry.authorName,
			authorPostTitle: entry.authorPostTitle,
			authorRole: entry.authorRole,
			lodgedAt: entry.recordedAt
		})
		.from(entry)
		.innerJoin(childProfile, eq(childProfile.id, entry.childId))
		.where(access.confidentialReviewScope(db, actor, now))
		.orderBy(asc(entry.recordedAt), asc(entry.id))
		.all();
	// Reading what was lodged is reading the child's record: each child can see it was opened.
	for (const childId of new Set(items.map((i) => i.childId))) {
		accessLog.record(db, { actor, action: 'record-viewed', childId, address }, now);
	}
	return items;
}

function releaseOf(db: Db, entryId: string): Entry | undefined {
	return db
		.select()
		.from(entry)
		.where(
			and(
				eq(entry.supersedesId, entryId),
				eq(entry.kind, 'confidential_release'),
				eq(entry.status, 'final')
			)
		)
		.get();
}

/** A confidential item a manager may move out, or AccessDenied. */
export function releasable(db: Db, actor: access.Actor, entryId: string, now = new Date()) {
	const item = db.select().from(entry).where(eq(entry.id, entryId)).get();
	if (!item) throw new access.AccessDenied('not-found');
	const relation = access.requireChild(db, actor, 'reviewConfidential', item.childId, now);
	if (!access.inConfidentialReview(actor, relation, item, !!releaseOf(db, entryId))) {
		throw new access.AccessDenied('not-found');
	}
	return {
		item,
		child: { id: relation.child.id, preferredName: relation.child.preferredName },
		permit: relation
	};
}

function checkRelease(item: Entry, input: ReleaseInput): Problems {
	const problems: Problems = {};
	if (!input.visibility) problems.visibility = 'form.required';
	if (!input.originatorConsulted) problems.originatorConsulted = 'record.problem.consulted';
	if (!input.originatorView) problems.originatorView = 'form.required';
	if (
		input.visibility === 'shared' &&
		item.nature === 'third_party' &&
		!item.thirdPartyPermission
	) {
		problems.visibility = 'record.problem.thirdPartyShared';
	}
	return problems;
}

/**
 * Moves a confidential item out of the section: one new final entry, chained like any other,
 * that names the item, where it goes, who was consulted and what they said.
 */
export function releaseConfidential(
	db: Db,
	actor: access.Actor,
	entryId: string,
	input: ReleaseInput,
	address: string | null,
	now = new Date()
): Entry {
	return db.transaction(
		(tx) => {
			const { item, permit } = releasable(tx, actor, entryId, now);
			const problems = checkRelease(item, input);
			if (Object.keys(problems).length) throw new RecordError(problems);
			const today = dates.today(now);
			const body = docFromPlainText(input.originatorView);
			const draft = draftRow(actor, item.childId, now, {
				kind: 'confidential_release',
				eventDate: today,
				// The person consulted: whoever lodged the item.
				sourceKind: 'person',
				sourceName: item.authorName,
				sourceRelationship: item.authorPostTitle,
				nature: 'decision',
				decisionBy: actor.postTitle
					? `${actor.displayName}, ${actor.postTitle}`
					: actor.displayName,
				decisionBasis: input.originatorView,
				visibility: input.visibility!,
				title: item.title,
				bodyDoc: body.doc,
				bodyText: body.text,
				supersedesId: item.id
			});
			const final = appendFinal(tx, permit, draft, now);
			accessLog.record(
				tx,
				{ actor, action: 'confidential-released', childId: item.childId, address },
				now
			);
			return final;
		},
		{ behavior: 'immediate' }
	);
}

/** For each of these entries, the decision that moved it out of the confidential section. */
export function releasesOf(db: Db, entryIds: string[]): Map<string, Entry> {
	const rows = entriesAbout(db, entryIds, 'confidential_release');
	return new Map(rows.map((row) => [row.supersedesId!, row]));
}
