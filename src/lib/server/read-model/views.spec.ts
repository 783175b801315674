import { describe, expect, it } from 'vitest';
import { createTestDb } from '../test/db';
import { actorFor, appendRow, childEntryInput, makeWorld } from '../test/factories';
import * as access from '../access';
import { relationToChild } from '../access/relation';
import { createChildDraft, sendChildEntry } from '../space/child-entries';
import { scheduleMeeting } from '../space/meetings';
import { inboxFor } from '../space/inbox';
import { addDays, today } from '../dates/day';
import { myViews, reviewsWithViews } from './views';
import type { FullCard } from '../../record/card';

function setup() {
	const db = createTestDb();
	const w = makeWorld(db);
	const childId = w.child.profile.id;
	const child = actorFor(db, w.child.account!);
	const worker = actorFor(db, w.keyWorker);
	const meeting = (date: string, kind: 'looked_after_review' | 'pep_meeting') =>
		scheduleMeeting(db, worker, childId, {
			kind,
			title: '',
			date,
			time: '10:00',
			chairedBy: 'Helen Price, IRO'
		});
	const review = meeting(addDays(today(), 21), 'looked_after_review');
	const pep = meeting(addDays(today(), 40), 'pep_meeting');
	const sendView = (
		meetingId: string | null,
		visibility: 'just_me' | 'workers' | 'advocate' | 'record',
		title = 'My views'
	) => {
		const details = meetingId ? { meetingId } : {};
		const draft = createChildDraft(
			db,
			child,
			childEntryInput({ kind: 'view', title, visibility, details })
		);
		return sendChildEntry(db, child, draft.id, null);
	};
	return { db, w, childId, child, worker, review, pep, meeting, sendView };
}

describe('a view says which review it was for', () => {
	it("on the child's card and in the staff inbox", () => {
		const { db, w, child, worker, review, pep, sendView } = setup();
		const forReview = sendView(review.id, 'workers');
		const forPep = sendView(pep.id, 'workers');
		const forNothing = sendView(null, 'workers');
		const cards = myViews(db, child, 'en-GB').views as FullCard[];
		const meetingOf = (id: string) => cards.find((c) => c.id === id)!.details?.meeting;
		expect(meetingOf(forReview.id)).toEqual({
			id: review.id,
			kind: 'looked_after_review',
			title: null,
			date: review.date
		});
		expect(meetingOf(forPep.id)?.kind).toBe('pep_meeting');
		expect(meetingOf(forNothing.id)).toBeUndefined();
		const inbox = inboxFor(db, worker);
		const inboxMeeting = (id: string) => inbox.find((i) => i.id === id)!.meeting;
		expect(inboxMeeting(forReview.id)).toEqual(meetingOf(forReview.id));
		expect(inboxMeeting(forNothing.id)).toBeNull();
		// The advocate sees the view only when the child chose "my advocate too".
		const advocate = actorFor(db, w.advocate);
		expect(inboxFor(db, advocate).map((i) => i.id)).not.toContain(forReview.id);
	});

	it("never names another child's meeting, whatever a row holds", () => {
		const { db, w, worker, child } = setup();
		const other = makeWorld(db);
		const theirs = scheduleMeeting(db, actorFor(db, other.keyWorker), other.child.profile.id, {
			kind: 'pep_meeting',
			title: '',
			date: addDays(today(), 5),
			time: '',
			chairedBy: 'Someone'
		});
		const forged = appendRow(db, w.child.account!, w.child.profile.id, {
			kind: 'view',
			visibility: 'workers',
			authorRole: 'child',
			details: { meetingId: theirs.id }
		});
		const card = (myViews(db, child, 'en-GB').views as FullCard[]).find((c) => c.id === forged.id);
		expect(card?.details?.meeting).toBeUndefined();
		expect(inboxFor(db, worker).find((i) => i.id === forged.id)?.meeting).toBeNull();
	});
});

describe("staff see a review's views with it", () => {
	it('coming and past, each with the views sent for it that the reader may see', () => {
		const { db, w, childId, worker, review, pep, sendView } = setup();
		const first = sendView(review.id, 'workers', 'My views');
		const second = sendView(review.id, 'advocate', 'More views');
		sendView(review.id, 'just_me', 'Only for me');
		const forPep = sendView(pep.id, 'record', 'School');
		const relation = access.requireChild(db, worker, 'viewRecord', childId);
		const seen = reviewsWithViews(db, worker, relation);
		expect(seen.coming.map((m) => [m.id, m.views.map((v) => v.id)])).toEqual([
			[review.id, [first.id, second.id]],
			[pep.id, [forPep.id]]
		]);
		expect(seen.past).toEqual([]);

		// A day after the review it is among the earlier ones, its views still with it.
		const later = new Date(Date.now() + 22 * 86_400_000);
		const after = reviewsWithViews(db, worker, relation, later);
		expect(after.coming.map((m) => m.id)).toEqual([pep.id]);
		expect(after.past.map((m) => [m.id, m.views.length])).toEqual([[review.id, 2]]);

		// The advocate: only what the child shared with them.
		const advocate = actorFor(db, w.advocate);
		const theirs = reviewsWithViews(
			db,
			advocate,
			access.requireChild(db, advocate, 'viewRecord', childId)
		);
		expect(theirs.coming.map((m) => m.views.map((v) => v.title))).toEqual([
			['More views'],
			['School']
		]);
	});

	it("is refused on a relation that may not read the record (an administrator's)", () => {
		const { db, w, childId } = setup();
		const admin = actorFor(db, w.admin);
		const relation = relationToChild(db, admin, childId, new Date())!;
		expect(relation).toBeTruthy();
		expect(() => reviewsWithViews(db, admin, relation)).toThrow(access.AccessDenied);
	});
});
