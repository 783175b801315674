import { and, asc, eq, inArray, or } from 'drizzle-orm';
import type { Db } from '../db';
import { assignment, user, type Entry } from '../db/schema';
import * as access from '../access';
import * as accessLog from '../audit/access-log';
import { currentAssignment } from '../access/relation';
import { caseWorkerRelationships } from '../access/roles';
import { docFromPlainText } from '../record/sanitise';
import { appendFinal } from '../record/write';
import { draftRow } from '../record/rows';
import * as dates from '../dates/day';

/**
 * "I need to talk to someone" / "I don't feel safe": an urgent entry, final at once, at the top
 * of the inbox of the child's workers and manager. The child is told who has been told.
 */
export const urgencies = ['talk', 'unsafe'] as const;
export type Urgency = (typeof urgencies)[number];

/**
 * The people a call for help reaches: the child's case workers and their (not new) managers. Asked
 * by the child, on their own record.
 */
export function whoIsTold(
	db: Db,
	actor: access.Actor,
	relation: access.Checked<'writeOwn'>,
	now = new Date()
) {
	const child = access.requireOnRelation(actor, 'writeOwn', relation).child;
	const childId = child.id;
	const workers = db
		.select({ id: user.id, name: user.displayName, postTitle: user.postTitle, role: user.role })
		.from(assignment)
		.innerJoin(user, eq(user.id, assignment.userId))
		.where(
			and(
				eq(assignment.childId, childId),
				currentAssignment(now),
				inArray(assignment.relationship, [...caseWorkerRelationships]),
				eq(user.status, 'active')
			)
		)
		.all();
	const units = [child.homeId, child.teamId].filter((u): u is string => !!u);
	const managers = units.length
		? db
				.select({ id: user.id, name: user.displayName, postTitle: user.postTitle, role: user.role })
				.from(user)
				.where(
					and(
						eq(user.role, 'manager'),
						eq(user.status, 'active'),
						or(...units.map((u) => eq(user.unitId, u)))
					)
				)
				.orderBy(asc(user.displayName))
				.all()
				// A new manager reaches no child's record yet, so is not told either.
				.filter((m) => !access.isNewAccount(db, m.id, now))
		: [];
	const seen = new Set<string>();
	return [...workers, ...managers].filter((p) => !seen.has(p.id) && seen.add(p.id));
}

export function askForHelp(
	db: Db,
	actor: access.Actor,
	urgency: Urgency,
	words: string,
	address: string | null,
	now = new Date()
): { entry: Entry; told: ReturnType<typeof whoIsTold> } {
	if (!actor.childId) throw new access.AccessDenied();
	const childId = actor.childId;
	const permit = access.requireChild(db, actor, 'writeOwn', childId, now);
	const today = dates.today(now);
	const body = docFromPlainText(words);
	return db.transaction(
		(tx) => {
			const draft = draftRow(actor, childId, now, {
				kind: 'safety_request',
				eventDate: today,
				sourceKind: 'child_words',
				// The child's workers see it; it is theirs to act on.
				visibility: 'workers',
				title: urgency === 'unsafe' ? "I don't feel safe" : 'I need to talk to someone',
				bodyDoc: body.doc,
				bodyText: body.text,
				details: { urgent: urgency }
			});
			const final = appendFinal(tx, permit, draft, now);
			accessLog.record(tx, { actor, action: 'help-asked', childId, address }, now);
			return { entry: final, told: whoIsTold(tx, actor, permit, now) };
		},
		{ behavior: 'immediate' }
	);
}
