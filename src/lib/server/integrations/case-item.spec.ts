import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import Ajv2020 from 'ajv/dist/2020';
import { createTestDb } from '../test/db';
import { actorFor, childEntryInput, finalEntry, makeWorld } from '../test/factories';
import { media } from '../db/schema';
import { randomId } from '../crypto/random';
import { docFromPlainText } from '../record/sanitise';
import { createChildDraft, sendChildEntry } from '../space/child-entries';
import { scheduleMeeting } from '../space/meetings';
import { answerView } from '../space/inbox';
import { startDisagreement } from '../disagreements/disagree';
import { dueDate } from '../dates/due-date';
import { acknowledge, decide, extend, linkCaseRecord, linkable } from '../disagreements/steps';
import { caseItemJson, caseItemSchema, type CaseItem } from './case-item';

type Schema = { [key: string]: unknown };

const published = JSON.parse(
	fs.readFileSync(new URL('../../../../docs/case-item.schema.json', import.meta.url), 'utf8')
) as Schema;

/**
 * The published schema lets later v1 versions add properties; the test does not: every object
 * the code makes must be described there, so the documentation cannot fall behind.
 */
function strict(node: unknown): unknown {
	if (Array.isArray(node)) return node.map(strict);
	if (!node || typeof node !== 'object') return node;
	const out = Object.fromEntries(Object.entries(node).map(([k, v]) => [k, strict(v)])) as Schema;
	const type = out.type;
	const isObject = type === 'object' || (Array.isArray(type) && type.includes('object'));
	if (isObject && out.properties && !('additionalProperties' in out)) {
		out.additionalProperties = false;
	}
	return out;
}

const ajv = new Ajv2020({ allErrors: true, allowUnionTypes: true, strictTypes: false });
ajv.addFormat('date', /^\d{4}-\d{2}-\d{2}$/);
ajv.addFormat('date-time', /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/);
const validate = ajv.compile(strict(published) as Schema);

function problemsOf(item: unknown): string[] {
	return validate(JSON.parse(JSON.stringify(item)))
		? []
		: (validate.errors ?? []).map((e) => `${e.instancePath} ${e.message}`);
}

const at = (time: string) => new Date(`2025-03-${time}Z`);

function setup() {
	const db = createTestDb();
	const w = makeWorld(db);
	const childId = w.child.profile.id;
	const child = actorFor(db, w.child.account!);
	const worker = actorFor(db, w.keyWorker);
	const send = (input: Parameters<typeof childEntryInput>[0], now: Date, files = 0) => {
		const draft = createChildDraft(db, child, childEntryInput(input), now);
		for (let i = 0; i < files; i++) {
			db.insert(media)
				.values({
					id: randomId(),
					childId,
					entryId: draft.id,
					kind: i === 0 ? 'photo' : 'audio',
					mime: i === 0 ? 'image/webp' : 'audio/ogg',
					extension: i === 0 ? 'webp' : 'ogg',
					size: 100,
					sha256: 'ab'.repeat(32),
					caption: i === 0 ? 'Me at the beach' : '',
					uploadedByUserId: child.id,
					createdAt: now
				})
				.run();
		}
		return sendChildEntry(db, child, draft.id, null, now);
	};
	return { db, w, childId, child, worker, send };
}

describe('the case item JSON', () => {
	it('describes a view put in the record, with its meeting, who helped, the answer and the link', () => {
		const { db, w, childId, worker, send } = setup();
		const review = scheduleMeeting(
			db,
			worker,
			childId,
			{ kind: 'looked_after_review', title: '', date: '2025-03-20', time: '', chairedBy: 'IRO' },
			at('01T09:00:00')
		);
		const view = send(
			{
				kind: 'view',
				title: 'My views',
				eventDate: '2025-03-02',
				eventPrecision: 'day',
				visibility: 'record',
				helpedBy: w.keyWorker.id,
				details: {
					answers: { goingWell: 'School is good.', want: 'To see my sister.' },
					feelings: ['happy', 'worried'],
					meetingId: review.id
				}
			},
			at('02T10:00:00')
		);
		answerView(db, worker, view.id, 'We arranged contact.', null, at('21T10:00:00'));
		const link = { system: 'mosaic' as const, reference: 'M-1', url: '', note: 'Filed' };
		linkCaseRecord(db, worker, view.id, link, null, at('22T10:00:00'));

		const item = caseItemJson(db, view);
		expect(problemsOf(item)).toEqual([]);
		expect(item).toMatchObject({
			schema: caseItemSchema,
			schemaVersion: 1,
			kind: 'view',
			updatedAt: '2025-03-22T10:00:00.000Z',
			child: { id: childId, preferredName: w.child.profile.preferredName },
			author: { name: w.child.account!.displayName, role: 'child' },
			provenance: { recordedAt: '2025-03-02T10:00:00.000Z', source: { kind: 'helped' } },
			words: { answers: { goingWell: 'School is good.' }, feelings: ['happy', 'worried'] },
			meeting: { id: review.id, kind: 'looked_after_review', date: '2025-03-20' },
			responses: [{ text: 'We arranged contact.', by: { name: w.keyWorker.displayName } }],
			caseRecordLinks: [{ system: 'mosaic', reference: 'M-1', url: null }],
			chain: { hash: view.hash }
		});
		expect(item.provenance.source.label).toContain(w.keyWorker.displayName);
	});

	it('describes a life event and a memory, with media as paths and hashes, never bytes', () => {
		const { db, send } = setup();
		const event = send(
			{
				visibility: 'record',
				eventDate: '2017',
				eventPrecision: 'about',
				eventLabel: 'When I was 7',
				details: { place: 'Oak House', people: 'Nan', age: 7 }
			},
			at('03T10:00:00')
		);
		const memory = send({ kind: 'memory', visibility: 'record' }, at('03T11:00:00'), 2);
		const items = [caseItemJson(db, event), caseItemJson(db, memory)];
		expect(items.map(problemsOf)).toEqual([[], []]);
		expect(items[0]).toMatchObject({
			kind: 'life_event',
			provenance: { event: { date: '2017', precision: 'about', label: 'When I was 7', age: 7 } },
			words: { answers: null, place: 'Oak House', people: 'Nan' },
			meeting: null,
			disagreement: null
		});
		const variant = { photo: 'display', audio: 'audio' };
		expect(items[1]!.media.map((m) => m.path)).toEqual(
			memory.details!.media!.map((m) => `/api/media/${m.id}/${variant[m.kind]}`)
		);
		expect(items[1]!.media.map((m) => m.kind).sort()).toEqual(['audio', 'photo']);
		expect(items[1]!.media.find((m) => m.kind === 'photo')).toMatchObject({
			caption: 'Me at the beach',
			sha256: 'ab'.repeat(32)
		});
	});

	it('describes a disagreement at every step: sent, then acknowledged, extended, decided, linked', () => {
		const { db, w, childId, child, worker } = setup();
		const disputed = finalEntry(db, w.keyWorker, childId, {
			title: 'Contact with dad',
			body: docFromPlainText('Maya refused to see her dad.'),
			eventDate: '2025-03-01'
		});
		const draft = startDisagreement(
			db,
			child,
			disputed.id,
			{ wrong: 'I did not refuse.', happened: 'The car did not come.', wants: ['correct'] },
			null,
			at('04T10:00:00')
		);
		const sent = sendChildEntry(db, child, draft.id, null, at('04T10:00:00'));
		const fresh = caseItemJson(db, sent);
		expect(problemsOf(fresh)).toEqual([]);
		expect(fresh.disagreement).toMatchObject({
			status: 'sent',
			wrong: 'I did not refuse.',
			about: { id: disputed.id, title: 'Contact with dad' },
			handler: null,
			decision: null
		});

		acknowledge(db, worker, sent.id, null, at('05T10:00:00'));
		extend(
			db,
			worker,
			sent.id,
			{ months: 1, reason: 'Asking the driver.' },
			null,
			at('06T10:00:00')
		);
		const decision = { outcome: 'corrected' as const, basis: 'You were right.' };
		decide(
			db,
			worker,
			sent.id,
			{ ...decision, correctedText: 'No car came.' },
			null,
			at('07T10:00:00')
		);
		const link = { system: 'liquidlogic' as const, reference: 'L-9', url: 'https://l.example/9' };
		linkCaseRecord(db, worker, sent.id, { ...link, note: '' }, null, at('08T10:00:00'));

		const item = caseItemJson(db, sent);
		expect(problemsOf(item)).toEqual([]);
		expect(item).toMatchObject({
			kind: 'disagreement',
			updatedAt: '2025-03-08T10:00:00.000Z',
			visibility: 'record',
			provenance: { source: { kind: 'child_words', label: "The child's own words" } },
			disagreement: {
				status: 'decided',
				receivedOn: '2025-03-04',
				dueOn: dueDate('2025-03-04', { extendedMonths: 1 }),
				extension: { months: 1, reason: 'Asking the driver.' },
				handler: { name: w.keyWorker.displayName },
				decision: { outcome: 'corrected', basis: 'You were right.' }
			},
			caseRecordLinks: [{ system: 'liquidlogic', reference: 'L-9', url: link.url }]
		});
		expect(item.disagreement!.decision!.correctionId).toEqual(expect.any(String));
	});

	it('holds nothing but the item and its answers: no staff-only, confidential or disputed text', () => {
		const { db, w, childId, child, send } = setup();
		const disputed = finalEntry(db, w.keyWorker, childId, {
			body: docFromPlainText('DISPUTED-TEXT')
		});
		finalEntry(db, w.keyWorker, childId, {
			visibility: 'staff_only',
			body: docFromPlainText('STAFF-ONLY-TEXT')
		});
		finalEntry(db, w.manager, childId, {
			visibility: 'confidential',
			confidentialReason: 'CONFIDENTIAL-REASON',
			body: docFromPlainText('CONFIDENTIAL-TEXT')
		});
		const said = startDisagreement(
			db,
			child,
			disputed.id,
			{ wrong: 'Wrong.', happened: '', wants: ['explain'] },
			null
		);
		const items = [
			caseItemJson(db, sendChildEntry(db, child, said.id, null)),
			caseItemJson(db, send({ visibility: 'record' }, new Date()))
		];
		const text = JSON.stringify(items);
		for (const secret of [
			'DISPUTED-TEXT',
			'STAFF-ONLY',
			'CONFIDENTIAL',
			w.child.profile.legalName
		]) {
			expect(text).not.toContain(secret);
		}
	});

	it('is checked against a schema that can fail: an unknown property or a wrong kind is refused', () => {
		const { db, w, send } = setup();
		const row = send({ visibility: 'record' }, new Date());
		expect(linkable(row)).toBe(true);
		const item: CaseItem = caseItemJson(db, row);
		const staffOnly = finalEntry(db, w.keyWorker, w.child.profile.id, { visibility: 'staff_only' });
		expect(() => caseItemJson(db, staffOnly)).toThrow();
		expect(problemsOf({ ...item, secret: 'x' })).not.toEqual([]);
		expect(problemsOf({ ...item, kind: 'record_entry' })).not.toEqual([]);
		expect(problemsOf({ ...item, kind: 'view' })).not.toEqual([]);
		expect(problemsOf({ ...item, updatedAt: 'yesterday' })).not.toEqual([]);
		expect(problemsOf({ ...item, child: { ...item.child, caseSystemPersonId: 3 } })).not.toEqual(
			[]
		);
	});
});
