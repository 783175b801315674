import { describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { createTestDb } from '../test/db';
import { actorFor, finalEntry, makeWorld } from '../test/factories';
import { entry } from '../db/schema';
import { AccessDenied, permissionsOn } from '../access';
import { RecordError } from '../record/errors';
import { childRecord, chronology } from '../read-model/record';
import { verifyChains } from '../record/verify';
import { sendChildEntry } from '../space/child-entries';
import { AlreadyDisputed, disputableEntry, startDisagreement } from './disagree';
import {
	acknowledge,
	decide,
	extend,
	linkCaseRecord,
	openDisagreement,
	viewDisagreement
} from './steps';
import { disagreementsFor, myDisagreements, toBeLinked } from './list';
import type { FullCard } from '../../record/card';

function setup() {
	const db = createTestDb();
	const w = makeWorld(db);
	const childId = w.child.profile.id;
	const disputed = finalEntry(db, w.keyWorker, childId, {
		title: 'Contact with dad',
		body: { doc: { type: 'doc', content: [] }, text: 'Maya refused to see her dad.' }
	});
	const child = actorFor(db, w.child.account!);
	const worker = actorFor(db, w.keyWorker);
	const say = (now = new Date('2025-01-31T10:00:00Z'), about = disputed.id) => {
		const draft = startDisagreement(
			db,
			child,
			about,
			{ wrong: 'I did not refuse.', happened: 'The car did not come.', wants: ['addSide'] },
			null,
			now
		);
		return sendChildEntry(db, child, draft.id, null, now);
	};
	return { db, w, childId, disputed, child, worker, say };
}

const staffCard = (
	db: ReturnType<typeof setup>['db'],
	w: ReturnType<typeof setup>['w'],
	id: string
) =>
	chronology(db, permissionsOn(db, actorFor(db, w.manager), w.child.profile.id), {
		filters: {},
		page: 1,
		address: null
	}).entries.find((c) => c.id === id) as FullCard;

describe('"I disagree"', () => {
	it('becomes a chained entry, received today (London), due a calendar month later', () => {
		const { db, say, worker } = setup();
		const sent = say();
		expect(sent).toMatchObject({ kind: 'disagreement', status: 'final', visibility: 'record' });
		const { state } = openDisagreement(db, worker, sent.id, new Date('2025-02-01T09:00:00Z'));
		expect(state).toMatchObject({
			status: 'sent',
			receivedOn: '2025-01-31',
			dueOn: '2025-02-28',
			wrong: 'I did not refuse.'
		});
		expect(verifyChains(db).ok).toBe(true);
	});

	it('is in the access log when staff open its page, and not when the child reads their own', () => {
		const { db, say, worker, child, childId } = setup();
		const sent = say();
		const viewed = () =>
			db.$client
				.prepare(
					"SELECT actor_user_id FROM access_log WHERE action = 'record-viewed' AND child_id = ?"
				)
				.all(childId);
		viewDisagreement(db, worker, sent.id, '192.0.2.1');
		expect(viewed()).toEqual([{ actor_user_id: worker.id }]);
		viewDisagreement(db, child, sent.id, null);
		expect(viewed()).toHaveLength(1);
	});

	it('is only for entries shared with the child, by the child or their advocate', () => {
		const { db, w, childId, child } = setup();
		const staffOnly = finalEntry(db, w.keyWorker, childId, { visibility: 'staff_only' });
		const input = { wrong: 'x', happened: '', wants: ['explain' as const] };
		expect(() => startDisagreement(db, child, staffOnly.id, input, null)).toThrow(AccessDenied);
		const shared = finalEntry(db, w.keyWorker, childId);
		expect(() => startDisagreement(db, actorFor(db, w.keyWorker), shared.id, input, null)).toThrow(
			AccessDenied
		);
		const byAdvocate = startDisagreement(db, actorFor(db, w.advocate), shared.id, input, null);
		expect(byAdvocate).toMatchObject({ status: 'final', sourceKind: 'helped' });
		const another = finalEntry(db, w.keyWorker, childId);
		expect(() => startDisagreement(db, child, another.id, { ...input, wants: [] }, null)).toThrow(
			RecordError
		);
	});

	it('is said once: a second "I disagree" about the same entry leads to the first', () => {
		const { db, w, disputed, child, say } = setup();
		const first = say();
		const input = { wrong: 'Again.', happened: '', wants: ['explain' as const] };
		expect(disputableEntry(db, child, disputed.id).disputedBy).toBe(first.id);
		expect(() => startDisagreement(db, child, disputed.id, input, null)).toThrow(AlreadyDisputed);
		// By the advocate too, who sees it as well.
		const advocate = actorFor(db, w.advocate);
		expect(disputableEntry(db, advocate, disputed.id).disputedBy).toBe(first.id);
		expect(() => startDisagreement(db, advocate, disputed.id, input, null)).toThrow(
			AlreadyDisputed
		);
		const disagreements = db
			.select()
			.from(entry)
			.where(eq(entry.supersedesId, disputed.id))
			.all()
			.filter((e) => e.kind === 'disagreement');
		expect(disagreements).toHaveLength(1);
	});

	it('marks the disputed entry for everyone who can see it, and the child follows each step', () => {
		const { db, w, disputed, child, worker, say } = setup();
		const sent = say();
		expect(staffCard(db, w, disputed.id).disputes).toMatchObject([
			{ id: sent.id, byName: w.child.account!.displayName, status: 'sent', side: null }
		]);
		acknowledge(db, worker, sent.id, null);
		expect(myDisagreements(db, child)[0]).toMatchObject({
			status: 'acknowledged',
			handler: { name: w.keyWorker.displayName }
		});
		expect(() => acknowledge(db, worker, sent.id, null)).toThrow(RecordError);
		decide(
			db,
			worker,
			sent.id,
			{ outcome: 'side_added', basis: 'Maya\u2019s account is added.', correctedText: '' },
			null
		);
		linkCaseRecord(
			db,
			worker,
			sent.id,
			{ system: 'mosaic', reference: 'CN-48213', url: '', note: '' },
			null
		);
		const [mine] = myDisagreements(db, child);
		expect(mine).toMatchObject({
			status: 'decided',
			decision: { outcome: 'side_added', basis: 'Maya\u2019s account is added.' },
			links: [{ system: 'mosaic', reference: 'CN-48213' }]
		});
		const card = childRecord(db, child, { page: 1, locale: 'en-GB' }).entries.find(
			(c) => c.id === disputed.id
		) as FullCard;
		expect(card.disputes[0]).toMatchObject({ outcome: 'side_added' });
		expect(card.disputes[0]!.side).toContain('The car did not come.');
		expect(toBeLinked(db, worker).map((i) => i.id)).not.toContain(sent.id);
		expect(verifyChains(db).ok).toBe(true);
	});

	it('"corrected" writes a correction that supersedes the disputed entry; the original stays', () => {
		const { db, disputed, child, worker, say } = setup();
		const sent = say();
		const state = decide(
			db,
			worker,
			sent.id,
			{
				outcome: 'corrected',
				basis: 'The driver confirmed it.',
				correctedText: 'The car did not come.'
			},
			null
		);
		const correction = db
			.select()
			.from(entry)
			.where(eq(entry.id, state.decision!.correctionId!))
			.get()!;
		expect(correction).toMatchObject({
			kind: 'correction',
			supersedesId: disputed.id,
			correctionReason: 'The driver confirmed it.',
			bodyText: 'The car did not come.'
		});
		expect(db.select().from(entry).where(eq(entry.id, disputed.id)).get()).toEqual(disputed);
		const cards = childRecord(db, child, { page: 1, locale: 'en-GB' }).entries as FullCard[];
		expect(cards.find((c) => c.id === disputed.id)!.correctedBy).toHaveLength(1);
	});

	it('"not changed" needs a reason; an extension moves the due date and says why', () => {
		const { db, worker, say } = setup();
		const sent = say();
		extend(db, worker, sent.id, { months: 2, reason: 'We must ask the police.' }, null);
		expect(openDisagreement(db, worker, sent.id).state).toMatchObject({
			dueOn: '2025-04-30',
			extension: { months: 2, reason: 'We must ask the police.' }
		});
		expect(() =>
			decide(db, worker, sent.id, { outcome: 'not_changed', basis: '', correctedText: '' }, null)
		).toThrow(RecordError);
	});

	it('lists overdue ones first, for those who answer for the child only', () => {
		const { db, w, worker, say, childId } = setup();
		const old = say(new Date('2025-01-02T10:00:00Z'));
		const another = finalEntry(
			db,
			w.keyWorker,
			childId,
			{ eventDate: '2025-01-15' },
			new Date('2025-02-01T10:00:00Z')
		);
		const recent = say(new Date('2025-03-01T10:00:00Z'), another.id);
		const list = disagreementsFor(db, worker, new Date('2025-03-05T10:00:00Z'));
		expect(list.map((d) => d.id)).toEqual([old.id, recent.id]);
		expect(list[0]!.daysLeft).toBeLessThan(0);
		expect(disagreementsFor(db, actorFor(db, w.advocate))).toEqual([]);
		expect(() => acknowledge(db, actorFor(db, w.advocate), old.id, null)).toThrow(AccessDenied);
	});
});
