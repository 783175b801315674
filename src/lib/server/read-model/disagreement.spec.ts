import { describe, expect, it } from 'vitest';
import { createTestDb } from '../test/db';
import {
	actorFor,
	appendRow,
	assignTo,
	childEntryInput,
	finalEntry,
	makeWorld
} from '../test/factories';
import { createChildDraft, sendChildEntry } from '../space/child-entries';
import { startDisagreement } from '../disagreements/disagree';
import { caseDocument, disagreementToAnswer } from './disagreement';
import { docFromPlainText } from '../record/sanitise';
import { today } from '../dates/day';

const said = { wrong: 'That is not right.', happened: '', wants: ['explain' as const] };

describe("the case document's disputed entry", () => {
	it("shows the disputed entry's words only where the reader may read them", () => {
		const db = createTestDb();
		const w = makeWorld(db);
		const childId = w.child.profile.id;
		const child = actorFor(db, w.child.account!);
		const worker = actorFor(db, w.keyWorker);

		// A disagreement the child sent about a shared entry: its words go in the document.
		const shared = finalEntry(db, w.keyWorker, childId, {
			body: docFromPlainText('Words shared with the child.')
		});
		const draft = startDisagreement(db, child, shared.id, said, null);
		const sent = sendChildEntry(db, child, draft.id, null);
		expect(caseDocument(db, worker, sent.id, null).disputed?.text).toBe(
			'Words shared with the child.'
		);

		// A disagreement row that points at the child's "just me" memory: never the memory's words.
		const secret = sendChildEntry(
			db,
			child,
			createChildDraft(
				db,
				child,
				childEntryInput({ visibility: 'just_me', body: docFromPlainText('Only mine.') })
			).id,
			null
		);
		const pointing = appendRow(db, w.child.account!, childId, {
			kind: 'disagreement',
			visibility: 'record',
			supersedesId: secret.id,
			details: { disagreement: { ...said, receivedOn: today() } }
		});
		const document = caseDocument(db, worker, pointing.id, null);
		expect(document.disputed).toBeNull();
		expect(JSON.stringify(document)).not.toContain('Only mine.');

		// Nor the words of an entry in another child's record.
		assignTo(db, w.socialWorker, w.otherChild.profile.id, 'social_worker');
		const elsewhere = finalEntry(db, w.socialWorker, w.otherChild.profile.id, {
			body: docFromPlainText("Another child's words.")
		});
		const across = appendRow(db, w.child.account!, childId, {
			kind: 'disagreement',
			visibility: 'record',
			supersedesId: elsewhere.id,
			details: { disagreement: { ...said, receivedOn: today() } }
		});
		expect(caseDocument(db, worker, across.id, null).disputed).toBeNull();
	});
});

describe('the disagreement staff answer', () => {
	it('comes with the disputed entry as the reader sees it on the record, and never more', () => {
		const db = createTestDb();
		const w = makeWorld(db);
		const childId = w.child.profile.id;
		const child = actorFor(db, w.child.account!);
		const worker = actorFor(db, w.keyWorker);
		const shared = finalEntry(db, w.keyWorker, childId, {
			title: 'Contact on Saturday',
			body: docFromPlainText('Maya refused to go to contact.')
		});
		const sent = sendChildEntry(
			db,
			child,
			startDisagreement(db, child, shared.id, said, null).id,
			null
		);
		const page = disagreementToAnswer(db, worker, sent.id, null);
		expect(page.disputed?.id).toBe(shared.id);
		expect(page.disputed?.title).toBe('Contact on Saturday');
		expect(JSON.stringify(page.disputed?.bodyDoc)).toContain('Maya refused to go to contact.');
		expect(page.state.receivedOn).toBe(today());
		expect(page.mayHandle).toBe(true);
		// The advocate reads the disagreement, answers nothing.
		expect(disagreementToAnswer(db, actorFor(db, w.advocate), sent.id, null).mayHandle).toBe(false);

		// Pointing at the child's "just me" memory, or another child's entry: no card at all.
		const secret = sendChildEntry(
			db,
			child,
			createChildDraft(
				db,
				child,
				childEntryInput({ visibility: 'just_me', body: docFromPlainText('Only mine.') })
			).id,
			null
		);
		assignTo(db, w.socialWorker, w.otherChild.profile.id, 'social_worker');
		const elsewhere = finalEntry(db, w.socialWorker, w.otherChild.profile.id, {
			body: docFromPlainText("Another child's words.")
		});
		for (const target of [secret, elsewhere]) {
			const pointing = appendRow(db, w.child.account!, childId, {
				kind: 'disagreement',
				visibility: 'record',
				supersedesId: target.id,
				details: { disagreement: { ...said, receivedOn: today() } }
			});
			const answer = disagreementToAnswer(db, worker, pointing.id, null);
			expect(answer.disputed).toBeNull();
			expect(JSON.stringify(answer)).not.toMatch(/Only mine|Another child/);
		}
	});
});
