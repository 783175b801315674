import { describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { createTestDb } from '../test/db';
import { actorFor, assignTo, entryInput, finalEntry, makeWorld } from '../test/factories';
import { entry } from '../db/schema';
import {
	appendFinal,
	barDraft,
	createDraft,
	discardDraft,
	finaliseEntry,
	insertDraft,
	updateDraft
} from './write';
import { draftRow } from './rows';
import { docFromPlainText } from './sanitise';
import { relationToChild } from '../access/relation';
import { hashOf, hashedColumns, laterColumns, rawEntry } from './chain';
import { RecordError } from './errors';
import { AccessDenied, requireChild } from '../access';

function setup() {
	const db = createTestDb();
	const w = makeWorld(db);
	return { db, w, childId: w.child.profile.id };
}

describe('entries', () => {
	it('records provenance as it was when written', () => {
		const { db, w, childId } = setup();
		const now = new Date('2026-03-02T10:00:00Z');
		const row = finalEntry(db, w.keyWorker, childId, { eventDate: '2026-03-01' }, now);
		expect(row).toMatchObject({
			status: 'final',
			authorUserId: w.keyWorker.id,
			authorName: w.keyWorker.displayName,
			authorPostTitle: w.keyWorker.postTitle,
			authorRole: 'key_worker',
			recordedAt: now,
			eventDate: '2026-03-01',
			eventPrecision: 'day',
			isLate: false,
			seq: 1,
			prevHash: null
		});
		expect(row.hash).toMatch(/^[0-9a-f]{64}$/);
	});

	it('marks a staff entry late when recorded more than 24 hours after the event', () => {
		const { db, w, childId } = setup();
		const late = finalEntry(
			db,
			w.socialWorker,
			childId,
			{ eventDate: '2026-03-01' },
			new Date('2026-03-03T09:00:00Z')
		);
		const onTime = finalEntry(
			db,
			w.socialWorker,
			childId,
			{ eventDate: '2026-03-02' },
			new Date('2026-03-03T09:00:00Z')
		);
		expect(late.isLate).toBe(true);
		expect(onTime.isLate).toBe(false);
	});

	it('chains each final entry to the previous one in the same child record', () => {
		const { db, w, childId } = setup();
		const a = finalEntry(db, w.keyWorker, childId);
		const b = finalEntry(db, w.manager, childId);
		const other = finalEntry(db, w.manager, childId);
		expect([a.seq, b.seq, other.seq]).toEqual([1, 2, 3]);
		expect(b.prevHash).toBe(a.hash);
		expect(other.prevHash).toBe(b.hash);
		expect(hashOf(rawEntry(db, b.id)!)).toBe(b.hash);
	});

	it('hashes every column but the hash itself', () => {
		const { db } = setup();
		const columns = db.$client
			.prepare('PRAGMA table_info(entry)')
			.all()
			.map((c) => (c as { name: string }).name);
		expect([...hashedColumns, ...laterColumns, 'hash'].sort()).toEqual(columns.sort());
	});

	it('keeps a content note as part of what is shared, covered by the hash; only for shared entries', () => {
		const { db, w, childId } = setup();
		const note = 'This part is about why you came into care. You might want someone with you.';
		const noted = finalEntry(db, w.keyWorker, childId, { contentNote: note });
		expect(noted.contentNote).toBe(note);
		const raw = rawEntry(db, noted.id)!;
		expect(hashOf(raw)).toBe(noted.hash);
		expect(hashOf({ ...raw, content_note: 'Something else' })).not.toBe(noted.hash);
		expect(hashOf({ ...raw, content_note: null })).not.toBe(noted.hash);
		// An entry without one hashes as entries did before the column existed.
		const plain = finalEntry(db, w.keyWorker, childId);
		expect(hashOf({ ...rawEntry(db, plain.id)!, content_note: undefined })).toBe(plain.hash);
		const actor = actorFor(db, w.keyWorker);
		expect(() =>
			createDraft(db, actor, childId, entryInput({ visibility: 'staff_only', contentNote: note }))
		).toThrow(RecordError);
	});

	it('lets only the author change or discard a draft, and nobody change a final entry', () => {
		const { db, w, childId } = setup();
		const author = actorFor(db, w.keyWorker);
		const draft = createDraft(db, author, childId, entryInput());
		expect(() => updateDraft(db, actorFor(db, w.manager), draft.id, entryInput())).toThrow(
			AccessDenied
		);
		updateDraft(db, author, draft.id, entryInput({ title: 'Changed while a draft' }));
		expect(db.select().from(entry).where(eq(entry.id, draft.id)).get()?.title).toBe(
			'Changed while a draft'
		);
		finaliseEntry(db, author, draft.id, null);
		expect(() => updateDraft(db, author, draft.id, entryInput())).toThrow(AccessDenied);
		expect(() => discardDraft(db, author, draft.id)).toThrow(AccessDenied);
		const other = createDraft(db, author, childId, entryInput());
		expect(discardDraft(db, author, other.id)).toBe(childId);
	});

	it('is refused by the database itself once final: no UPDATE, no DELETE', () => {
		const { db, w, childId } = setup();
		const row = finalEntry(db, w.keyWorker, childId);
		expect(() =>
			db.$client.prepare("UPDATE entry SET title = 'x' WHERE id = ?").run(row.id)
		).toThrow(/final entries cannot be changed/);
		expect(() =>
			db.$client.prepare("UPDATE entry SET status = 'draft' WHERE id = ?").run(row.id)
		).toThrow(/final entries/);
		expect(() => db.$client.prepare('DELETE FROM entry WHERE id = ?').run(row.id)).toThrow(
			/final entries cannot be deleted/
		);
		expect(() => db.$client.prepare('DELETE FROM chain_checkpoint').run()).not.toThrow();
	});

	it('a correction is a new entry that supersedes the old one, with its reason; both stay', () => {
		const { db, w, childId } = setup();
		const original = finalEntry(db, w.keyWorker, childId, { title: 'Moved on 21 September' });
		const correction = finalEntry(db, w.socialWorker, childId, {
			title: 'Moved on 12 September',
			correction: { entryId: original.id, reason: 'The date was wrong.' }
		});
		expect(correction).toMatchObject({
			kind: 'correction',
			supersedesId: original.id,
			correctionReason: 'The date was wrong.'
		});
		expect(db.select().from(entry).where(eq(entry.id, original.id)).get()?.title).toBe(
			'Moved on 21 September'
		);
		expect(() =>
			finalEntry(db, w.socialWorker, childId, { correction: { entryId: original.id, reason: '' } })
		).toThrow(RecordError);
	});

	it('keeps the rules of the policies', () => {
		const { db, w, childId } = setup();
		const actor = actorFor(db, w.keyWorker);
		const problems = (overrides: Parameters<typeof entryInput>[0]) => {
			try {
				createDraft(db, actor, childId, entryInput(overrides));
				return {};
			} catch (e) {
				return (e as RecordError).problems;
			}
		};
		expect(problems({ nature: 'opinion' })).toEqual({ opinionReasons: 'record.problem.reasons' });
		expect(problems({ kind: 'decision', nature: 'decision' })).toEqual({
			decisionBy: 'record.problem.decisionBy',
			decisionBasis: 'record.problem.decisionBasis'
		});
		expect(
			problems({
				nature: 'third_party',
				sourceKind: 'person',
				sourceName: 'Sally Jones',
				sourceRelationship: 'mother'
			})
		).toEqual({
			visibility: 'record.problem.thirdPartyShared'
		});
		expect(problems({ visibility: 'confidential' })).toEqual({
			confidentialReason: 'record.problem.confidentialReason'
		});
		expect(problems({ eventDate: '2999-01-01' })).toEqual({ eventDate: 'record.problem.future' });
		expect(problems({ sourceKind: 'document' })).toEqual({ sourceName: 'form.required' });
	});

	it("is written only by the child's case workers and their manager", () => {
		const { db, w, childId } = setup();
		for (const person of [w.advocate, w.admin, w.child.account!]) {
			expect(
				() => createDraft(db, actorFor(db, person), childId, entryInput()),
				person.role
			).toThrow(AccessDenied);
		}
		expect(() =>
			createDraft(db, actorFor(db, w.keyWorker), w.otherChild.profile.id, entryInput())
		).toThrow(AccessDenied);
	});
});

describe('the write primitives', () => {
	const fields = (title: string) => ({
		kind: 'record_entry' as const,
		title,
		bodyDoc: docFromPlainText(title).doc,
		bodyText: title,
		eventDate: '2026-01-01',
		visibility: 'shared' as const
	});

	it('write under a permit checked for this child and this person, and no other', () => {
		const { db, w, childId } = setup();
		const worker = actorFor(db, w.keyWorker);
		const socialWorker = actorFor(db, w.socialWorker);
		const now = new Date();
		const permit = requireChild(db, worker, 'writeRecord', childId, now);
		const written = appendFinal(db, permit, draftRow(worker, childId, now, fields('Mine')), now);
		expect(written).toMatchObject({ status: 'final', childId, authorUserId: worker.id });
		// Another child's row, or a row in another person's name, under this permit: refused.
		assignTo(db, w.keyWorker, w.otherChild.profile.id, 'key_worker');
		const otherChild = draftRow(worker, w.otherChild.profile.id, now, fields('Elsewhere'));
		expect(() => appendFinal(db, permit, otherChild, now)).toThrow(AccessDenied);
		const theirs = draftRow(socialWorker, childId, now, fields('In their name'));
		expect(() => insertDraft(db, permit, theirs)).toThrow(AccessDenied);
		expect(() => barDraft(db, permit, theirs, now)).toThrow(AccessDenied);
		expect(db.select().from(entry).where(eq(entry.id, theirs.id)).get()).toBeUndefined();
	});

	it('do not compile without a permit for an action that writes', () => {
		const { db, w, childId } = setup();
		const worker = actorFor(db, w.keyWorker);
		const now = new Date();
		const row = draftRow(worker, childId, now, fields('Unchecked'));
		// Never called: what matters is that svelte-check finds each error expected.
		const compileOnly = () => {
			const reading = requireChild(db, worker, 'viewRecord', childId, now);
			// @ts-expect-error a relation checked for reading is no permit to write
			appendFinal(db, reading, row, now);
			const unchecked = relationToChild(db, worker, childId, now)!;
			// @ts-expect-error a relation nobody checked is no permit at all
			insertDraft(db, unchecked, row);
		};
		expect(compileOnly).toBeTypeOf('function');
	});
});
