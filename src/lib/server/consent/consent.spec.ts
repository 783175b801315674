import { describe, expect, it } from 'vitest';
import { createTestDb } from '../test/db';
import { actorFor, makeWorld } from '../test/factories';
import { clientOf } from '../db';
import { AccessDenied, permissionsOn } from '../access';
import { RecordError } from '../record/errors';
import {
	askToChange,
	consentOf,
	consentRequestsFor,
	recordConsent,
	type ConsentInput
} from './consent';

function setup() {
	const db = createTestDb();
	const w = makeWorld(db);
	return {
		db,
		w,
		childId: w.child.profile.id,
		child: actorFor(db, w.child.account!),
		keyWorker: actorFor(db, w.keyWorker),
		socialWorker: actorFor(db, w.socialWorker),
		manager: actorFor(db, w.manager),
		advocate: actorFor(db, w.advocate),
		admin: actorFor(db, w.admin)
	};
}

const asked = (over: Partial<ConsentInput> = {}): ConsentInput => ({
	purpose: 'school',
	purposeOther: null,
	answer: 'agreed',
	reason: null,
	askedBy: 'Sam, key worker',
	askedOn: '2026-01-10',
	...over
});
const at = (minutes: number) => new Date(Date.UTC(2026, 0, 12, 10, minutes));

describe('asking before sharing', () => {
	it('keeps every answer; the newest per purpose is the answer now', () => {
		const { db, childId, keyWorker, socialWorker, child } = setup();
		recordConsent(db, keyWorker, childId, asked(), null, at(1));
		recordConsent(
			db,
			keyWorker,
			childId,
			asked({ purpose: 'health', answer: 'declined' }),
			null,
			at(2)
		);
		recordConsent(db, socialWorker, childId, asked({ answer: 'declined' }), null, at(3));
		recordConsent(
			db,
			keyWorker,
			childId,
			asked({ purpose: 'other', purposeOther: 'Football  club', answer: 'agreed' }),
			null,
			at(4)
		);
		recordConsent(
			db,
			keyWorker,
			childId,
			asked({
				purpose: 'other',
				purposeOther: 'football club',
				answer: 'cannot_ask',
				reason: 'Asleep'
			}),
			null,
			at(5)
		);
		const summary = consentOf(db, permissionsOn(db, child, childId, at(6)));
		expect(summary.history).toHaveLength(5);
		expect(summary.current.map((c) => [c.purpose, c.answer])).toEqual([
			['school', 'declined'],
			['health', 'declined'],
			['other', 'cannot_ask']
		]);
		expect(summary.current[0]!.recordedByName).toBe(socialWorker.displayName);
	});

	it('needs the other purpose in words, why a child cannot be asked, and a day not in the future', () => {
		const { db, childId, keyWorker } = setup();
		const problems = (input: ConsentInput) => {
			try {
				recordConsent(db, keyWorker, childId, input, null, at(1));
			} catch (e) {
				return (e as RecordError).problems;
			}
			return null;
		};
		expect(problems(asked({ purpose: 'other' }))).toEqual({ purposeOther: 'form.required' });
		expect(problems(asked({ answer: 'cannot_ask' }))).toEqual({ reason: 'form.required' });
		expect(problems(asked({ askedOn: '2026-01-13' }))).toEqual({
			askedOn: 'consent.problems.future'
		});
		expect(problems(asked())).toBeNull();
	});

	it('is recorded by the key worker, social worker and manager only; read by them and the child', () => {
		const { db, childId, child, advocate, admin, manager, w } = setup();
		for (const who of [child, advocate, admin]) {
			expect(() => recordConsent(db, who, childId, asked(), null)).toThrow(AccessDenied);
		}
		recordConsent(db, manager, childId, asked(), null);
		expect(() => consentOf(db, permissionsOn(db, advocate, childId))).toThrow(AccessDenied);
		expect(() => consentOf(db, permissionsOn(db, admin, childId))).toThrow(AccessDenied);
		const keyWorker = actorFor(db, w.keyWorker);
		expect(() => recordConsent(db, keyWorker, w.otherChild.profile.id, asked(), null)).toThrow(
			AccessDenied
		);
	});

	it('the database refuses to change or remove an answer or a request', () => {
		const { db, childId, keyWorker, child } = setup();
		const row = recordConsent(db, keyWorker, childId, asked(), null);
		askToChange(db, child, row.id, 'I changed my mind', null);
		const sqlite = clientOf(db);
		for (const table of ['consent_record', 'consent_change_request']) {
			expect(() => sqlite.prepare(`UPDATE ${table} SET child_id = child_id`).run()).toThrow(
				/append-only/
			);
			expect(() => sqlite.prepare(`DELETE FROM ${table}`).run()).toThrow(/append-only/);
		}
	});

	it("the child's request to change reaches their workers' inbox until a newer answer is recorded", () => {
		const { db, w, childId, keyWorker, socialWorker, manager, advocate, child } = setup();
		const school = recordConsent(db, keyWorker, childId, asked(), null, at(1));
		const other = actorFor(db, w.otherChild.account!);
		expect(() => askToChange(db, other, school.id, '', null, at(2))).toThrow(AccessDenied);
		expect(() => askToChange(db, keyWorker, school.id, '', null, at(2))).toThrow(AccessDenied);
		askToChange(db, child, school.id, 'Please do not tell my school', null, at(2));
		for (const who of [keyWorker, socialWorker, manager]) {
			const items = consentRequestsFor(db, who, at(3));
			expect(items.map((i) => [i.childId, i.purpose, i.message])).toEqual([
				[childId, 'school', 'Please do not tell my school']
			]);
		}
		expect(consentRequestsFor(db, advocate, at(3))).toEqual([]);
		expect(consentOf(db, permissionsOn(db, child, childId, at(3))).openRequests).toHaveLength(1);

		recordConsent(db, keyWorker, childId, asked({ answer: 'declined' }), null, at(4));
		expect(consentRequestsFor(db, keyWorker, at(5))).toEqual([]);
		expect(consentOf(db, permissionsOn(db, child, childId, at(5))).openRequests).toEqual([]);
	});
});
