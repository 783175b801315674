import { and, eq } from 'drizzle-orm';
import type { Db } from '../db';
import { entry } from '../db/schema';
import * as access from '../access';
import * as accessLog from '../audit/access-log';
import { cardsFor } from './cards';
import { statesOf } from '../disagreements/state';
import { linkable, viewDisagreement } from '../disagreements/steps';
import { today } from '../dates/day';

/**
 * A disagreement, view or other contribution as a document to attach to the formal case record:
 * who wrote it and when, where it came from, the child's words as they wrote them, the photos,
 * and for a disagreement every step. Opening it is logged like any reading of the record.
 */
export function caseDocument(
	db: Db,
	actor: access.Actor,
	entryId: string,
	address: string | null,
	now = new Date()
) {
	const row = db.select().from(entry).where(eq(entry.id, entryId)).get();
	if (!row || !linkable(row)) throw new access.AccessDenied('not-found');
	const relation = access.requireChild(db, actor, 'handleDisagreements', row.childId, now);
	if (access.entryView(actor, relation, row) !== 'full') throw new access.AccessDenied('not-found');
	accessLog.record(db, { actor, action: 'record-viewed', childId: row.childId, address }, now);
	// The disputed entry's own words, only where this reader may read them in full.
	const about =
		row.kind === 'disagreement' && row.supersedesId
			? db.select().from(entry).where(eq(entry.id, row.supersedesId)).get()
			: undefined;
	const disputed =
		about && about.childId === row.childId && access.entryView(actor, relation, about) === 'full'
			? about
			: undefined;
	return {
		child: {
			id: relation.child.id,
			preferredName: relation.child.preferredName,
			legalName: relation.child.legalName,
			dateOfBirth: relation.child.dateOfBirth,
			caseSystemPersonId: relation.child.caseSystemPersonId
		},
		item: cardsFor(db, actor, relation, [row], null)[0]!,
		hash: row.hash,
		seq: row.seq,
		disputed: disputed
			? {
					id: disputed.id,
					title: disputed.title,
					text: disputed.bodyText,
					recordedAt: disputed.recordedAt,
					author: disputed.authorName
				}
			: null,
		state: row.kind === 'disagreement' ? statesOf(db, [row], today(now))[0]! : null,
		printedAt: now,
		printedBy: actor.displayName
	};
}

/**
 * A disagreement as staff work from it: the child's words and each step, the entry it disputes
 * as this reader sees it (a card, only where they read it in full, as on the record), and
 * whether they may answer it. Opening it is logged (viewDisagreement).
 */
export function disagreementToAnswer(
	db: Db,
	actor: access.Actor,
	id: string,
	address: string | null,
	now = new Date()
) {
	const { row, relation, state } = viewDisagreement(db, actor, id, address, now);
	// Found through the record's own scope, then shown as the record shows it (cardsFor).
	const about = row.supersedesId
		? db
				.select()
				.from(entry)
				.where(and(eq(entry.id, row.supersedesId), access.entryScope(actor, relation)))
				.get()
		: undefined;
	const [card] = about ? cardsFor(db, actor, relation, [about], null) : [];
	return {
		row,
		state,
		disputed: card?.view === 'full' ? card : null,
		mayHandle: access.allowsOnRelation(actor, 'handleDisagreements', relation)
	};
}
