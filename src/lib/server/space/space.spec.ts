import { describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { createTestDb } from '../test/db';
import { actorFor, childEntryInput, finalEntry, makeUser, makeWorld } from '../test/factories';
import { childProfile, entry } from '../db/schema';
import { AccessDenied, requireChild } from '../access';
import { RecordError } from '../record/errors';
import { verifyChains } from '../record/verify';
import { childRecord } from '../read-model/record';
import {
	createChildDraft,
	helpersFor,
	ownDrafts,
	sendChildEntry,
	updateChildDraft
} from './child-entries';
import { scheduleMeeting, upcomingMeetings } from './meetings';
import { askForHelp, whoIsTold } from './help';
import { answerView, inboxFor, markRead } from './inbox';
import { ageAt, timelineFor } from '../read-model/story';
import type { FullCard } from '../../record/card';

function setup() {
	const db = createTestDb();
	const w = makeWorld(db);
	const child = actorFor(db, w.child.account!);
	db.update(childProfile)
		.set({ dateOfBirth: '2010-05-20' })
		.where(eq(childProfile.id, w.child.profile.id))
		.run();
	return { db, w, child, childId: w.child.profile.id };
}

describe("the child's own entries", () => {
	it('are drafts only the child sees until sent, then final and chained with their provenance', () => {
		const { db, w, child, childId } = setup();
		const draft = createChildDraft(db, child, childEntryInput({ title: 'Moving to Oak House' }));
		const worker = actorFor(db, w.keyWorker);
		const staffView = () => inboxFor(db, worker).map((i) => i.id);
		expect(staffView()).not.toContain(draft.id);
		updateChildDraft(db, child, draft.id, childEntryInput({ title: 'Moving to Oak House!' }));
		const sent = sendChildEntry(db, child, draft.id, null);
		expect(sent).toMatchObject({
			status: 'final',
			title: 'Moving to Oak House!',
			authorUserId: w.child.account!.id,
			authorRole: 'child',
			sourceKind: 'child_words',
			isLate: false,
			childId
		});
		expect(staffView()).toContain(draft.id);
		expect(verifyChains(db).ok).toBe(true);
		expect(() => updateChildDraft(db, child, draft.id, childEntryInput())).toThrow(AccessDenied);
	});

	it('record who helped, from the workers and advocate the child has', () => {
		const { db, w, child } = setup();
		const row = createChildDraft(db, child, childEntryInput({ helpedBy: w.advocate.id }));
		expect(row).toMatchObject({ sourceKind: 'helped', details: { helperId: w.advocate.id } });
		expect(row.sourceName).toContain(w.advocate.displayName);
		const stranger = makeUser(db, w.org.id, 'key_worker');
		expect(() => createChildDraft(db, child, childEntryInput({ helpedBy: stranger.id }))).toThrow(
			RecordError
		);
		// Who may be named is the child's to ask, on their own checked relation, nobody else's.
		const own = requireChild(db, child, 'writeOwn', w.child.profile.id);
		expect(helpersFor(db, child, own).map((h) => h.id)).toContain(w.advocate.id);
		const worker = actorFor(db, w.keyWorker);
		expect(() => helpersFor(db, worker, own)).toThrow(AccessDenied);
		expect(() => whoIsTold(db, worker, own)).toThrow(AccessDenied);
	});

	it('are for the child alone to write', () => {
		const { db, w } = setup();
		for (const who of [w.keyWorker, w.advocate, w.manager, w.otherChild.account!]) {
			const actor = actorFor(db, who);
			if (!actor.childId) {
				expect(() => createChildDraft(db, actor, childEntryInput())).toThrow(AccessDenied);
			}
		}
		const other = actorFor(db, w.otherChild.account!);
		const mine = createChildDraft(db, actorFor(db, w.child.account!), childEntryInput());
		expect(() => sendChildEntry(db, other, mine.id, null)).toThrow(AccessDenied);
	});

	it('follow the visibility the child chose', () => {
		const { db, w, child } = setup();
		const justMe = sendChildEntry(
			db,
			child,
			createChildDraft(db, child, childEntryInput({ visibility: 'just_me' })).id,
			null
		);
		const withAdvocate = sendChildEntry(
			db,
			child,
			createChildDraft(db, child, childEntryInput({ visibility: 'advocate' })).id,
			null
		);
		const seenBy = (who: typeof w.keyWorker) => inboxFor(db, actorFor(db, who)).map((i) => i.id);
		expect(seenBy(w.keyWorker)).not.toContain(justMe.id);
		expect(seenBy(w.keyWorker)).toContain(withAdvocate.id);
		expect(seenBy(w.advocate)).toContain(withAdvocate.id);
		expect(seenBy(w.advocate)).not.toContain(justMe.id);
	});

	it('refuse an empty view, and a date in the future', () => {
		const { db, child } = setup();
		expect(() =>
			createChildDraft(
				db,
				child,
				childEntryInput({ kind: 'view', body: { doc: { type: 'doc', content: [] }, text: '' } })
			)
		).toThrow(RecordError);
		expect(() => createChildDraft(db, child, childEntryInput({ eventDate: '2999' }))).toThrow(
			RecordError
		);
	});
});

describe('views before reviews', () => {
	it('staff schedule a review; the child sees it coming and sends views for it; staff answer', () => {
		const { db, w, child, childId } = setup();
		const worker = actorFor(db, w.keyWorker);
		const review = scheduleMeeting(db, worker, childId, {
			kind: 'looked_after_review',
			title: '',
			date: '2099-01-10',
			time: '10:00',
			chairedBy: 'Priya Shah, IRO'
		});
		const ownRecord = requireChild(db, child, 'viewRecord', childId);
		expect(upcomingMeetings(db, child, ownRecord).map((m) => m.id)).toEqual([review.id]);
		expect(() =>
			scheduleMeeting(db, actorFor(db, w.advocate), childId, {
				kind: 'other',
				title: 'x',
				date: '2099-01-01',
				time: '',
				chairedBy: 'x'
			})
		).toThrow(AccessDenied);
		const view = sendChildEntry(
			db,
			child,
			createChildDraft(
				db,
				child,
				childEntryInput({
					kind: 'view',
					title: 'My views',
					body: { doc: { type: 'doc', content: [] }, text: '' },
					details: {
						meetingId: review.id,
						answers: { want: 'To see my brother more.' },
						feelings: ['worried']
					}
				})
			).id,
			null
		);
		const inbox = inboxFor(db, worker);
		expect(inbox[0]).toMatchObject({
			id: view.id,
			unread: true,
			meeting: { id: review.id, kind: review.kind }
		});
		markRead(db, worker, view.id);
		expect(inboxFor(db, worker)[0]).toMatchObject({ id: view.id, unread: false });
		// "You said, we did": shared with the child beside their view.
		answerView(db, worker, view.id, 'We arranged contact every Saturday.', null);
		const cards = childRecord(db, child, { page: 1, locale: 'en-GB' }).entries as FullCard[];
		const mine = cards.find((c) => c.id === view.id)!;
		expect(mine.details?.answers?.want).toBe('To see my brother more.');
		expect(mine.responses.map((r) => r.authorName)).toEqual([w.keyWorker.displayName]);
		expect(() => answerView(db, actorFor(db, w.advocate), view.id, 'x', null)).toThrow(
			AccessDenied
		);
		expect(verifyChains(db).ok).toBe(true);
	});
});

describe('asking for help now', () => {
	it('is final at once, tops the inbox of workers and managers (not the advocate), and says who was told', () => {
		const { db, w, child } = setup();
		const worker = actorFor(db, w.keyWorker);
		sendChildEntry(db, child, createChildDraft(db, child, childEntryInput()).id, null);
		const { entry: asked, told } = askForHelp(db, child, 'unsafe', 'At school.', null);
		expect(asked).toMatchObject({ kind: 'safety_request', status: 'final', visibility: 'workers' });
		expect(told.map((p) => p.id).sort()).toEqual(
			[w.keyWorker.id, w.socialWorker.id, w.manager.id].sort()
		);
		const own = requireChild(db, child, 'writeOwn', w.child.profile.id);
		expect(whoIsTold(db, child, own).map((p) => p.id)).not.toContain(w.advocate.id);
		expect(inboxFor(db, worker)[0]).toMatchObject({ id: asked.id, urgent: 'unsafe', unread: true });
		expect(inboxFor(db, actorFor(db, w.manager))[0]).toMatchObject({ id: asked.id });
		expect(inboxFor(db, actorFor(db, w.advocate)).map((i) => i.id)).not.toContain(asked.id);
		expect(() => askForHelp(db, worker, 'talk', '', null)).toThrow(AccessDenied);
	});
});

describe('the timeline', () => {
	it('puts everything the child added and everything shared in date order, by year and age', () => {
		const { db, w, child, childId } = setup();
		const send = (eventDate: string, title: string) =>
			sendChildEntry(
				db,
				child,
				createChildDraft(db, child, childEntryInput({ eventDate, title })).id,
				null
			);
		send('2019-08', 'Got a dog');
		send('2016', 'Started school');
		finalEntry(db, w.keyWorker, childId, { eventDate: '2017-03-01', title: 'Shared by staff' });
		finalEntry(db, w.keyWorker, childId, {
			eventDate: '2017-04-01',
			title: 'Staff only',
			visibility: 'staff_only'
		});
		finalEntry(db, w.keyWorker, childId, {
			eventDate: '2018-04-01',
			visibility: 'confidential',
			confidentialReason: 'x'
		});
		const { groups } = timelineFor(db, child, { page: 1, locale: 'en-GB' });
		expect(groups.map((g) => [g.year, g.age])).toEqual([
			['2016', 6],
			['2017', 6],
			['2019', 9]
		]);
		expect(groups.flatMap((g) => g.cards.map((c) => (c as FullCard).title))).toEqual([
			'Started school',
			'Shared by staff',
			'Got a dog'
		]);
		expect(db.select().from(entry).all().length).toBe(5);
	});

	it("lists the child's unsent stories with the timeline, and the drafts check holds on a relation passed in", () => {
		const { db, w, child, childId } = setup();
		const story = createChildDraft(db, child, childEntryInput({ title: 'Half a story' }));
		createChildDraft(db, child, childEntryInput({ kind: 'view', title: '' }));
		const { drafts } = timelineFor(db, child, { page: 1, locale: 'en-GB' });
		expect(drafts.map((d) => d.id)).toEqual([story.id]);
		// Another child's relation, or a worker with this child's, lists nothing: it is refused.
		const other = makeWorld(db);
		const otherChild = actorFor(db, other.child.account!);
		const theirs = requireChild(db, otherChild, 'writeOwn', other.child.profile.id);
		expect(() => ownDrafts(db, child, theirs)).toThrow(AccessDenied);
		const worker = actorFor(db, w.keyWorker);
		const relation = requireChild(db, worker, 'viewRecord', childId);
		expect(() => ownDrafts(db, worker, relation)).toThrow(AccessDenied);
	});

	it('works out an age from what is known of the date', () => {
		expect(ageAt('2010-05-20', '2017')).toBe(7);
		expect(ageAt('2010-05-20', '2017-05-19')).toBe(6);
		expect(ageAt('2010-05-20', '2017-05-20')).toBe(7);
		expect(ageAt(null, '2017')).toBe(null);
	});
});
