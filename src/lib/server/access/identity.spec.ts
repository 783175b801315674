import { describe, expect, it } from 'vitest';
import { createTestDb } from '../test/db';
import { actorFor, makeWorld } from '../test/factories';
import { randomId } from '../crypto/random';
import { consentChangeRequest, consentRecord, profileChange } from '../db/schema';
import { allowsChild, type ChildAction } from './policy';
import { relationToChild } from './relation';
import {
	consentRequestScope,
	profileChangeScope,
	seesConsentRequest,
	seesProfileChange
} from './identity';

function world() {
	const db = createTestDb();
	const w = makeWorld(db);
	const people = {
		child: actorFor(db, w.child.account!),
		careLeaver: actorFor(db, w.careLeaver.account!),
		keyWorker: actorFor(db, w.keyWorker),
		socialWorker: actorFor(db, w.socialWorker),
		advocate: actorFor(db, w.advocate),
		manager: actorFor(db, w.manager),
		admin: actorFor(db, w.admin),
		otherOrgAdmin: actorFor(db, w.otherOrgAdmin)
	};
	return { db, w, people };
}

describe('consent and identity rules', () => {
	const who: Record<string, ChildAction[]> = {
		child: ['viewConsent', 'askConsentChange', 'editOwnIdentity', 'viewIdentityHistory'],
		keyWorker: ['viewConsent', 'recordConsent', 'viewIdentityHistory'],
		socialWorker: ['viewConsent', 'recordConsent', 'viewIdentityHistory'],
		manager: ['viewConsent', 'recordConsent', 'viewIdentityHistory'],
		advocate: [],
		admin: [],
		careLeaver: [],
		otherOrgAdmin: []
	};
	const actions: ChildAction[] = [
		'viewConsent',
		'recordConsent',
		'askConsentChange',
		'editOwnIdentity',
		'viewIdentityHistory'
	];
	it.each(Object.entries(who))('%s on Maya', (name, allowed) => {
		const { db, w, people } = world();
		for (const action of actions) {
			expect(
				allowsChild(db, people[name as keyof typeof people], action, w.child.profile.id),
				action
			).toBe(allowed.includes(action));
		}
	});

	it('the history predicate and its scope agree, for every reader and every field', () => {
		const { db, w, people } = world();
		const fields = ['preferredName', 'pronouns', 'ownAboutMe', 'legalName', 'religion'];
		for (const childId of [w.child.profile.id, w.otherChild.profile.id]) {
			for (const field of fields) {
				db.insert(profileChange)
					.values({
						id: randomId(),
						childId,
						field,
						before: null,
						after: 'x',
						changedByUserId: w.keyWorker.id,
						changedByName: 'K',
						changedByRole: 'key_worker',
						changedAt: new Date()
					})
					.run();
			}
		}
		const all = db.select().from(profileChange).all();
		for (const actor of Object.values(people)) {
			const relation = relationToChild(db, actor, w.child.profile.id, new Date())!;
			const scoped = db
				.select({ id: profileChange.id })
				.from(profileChange)
				.where(profileChangeScope(actor, relation))
				.all()
				.map((r) => r.id)
				.sort();
			const predicate = all
				.filter((c) => seesProfileChange(actor, relation, c))
				.map((c) => c.id)
				.sort();
			expect(scoped, actor.role).toEqual(predicate);
		}
		const child = relationToChild(db, people.child, w.child.profile.id, new Date())!;
		expect(all.filter((c) => seesProfileChange(people.child, child, c))).toHaveLength(3);
	});

	it('the consent request predicate and its scope agree', () => {
		const { db, w, people } = world();
		for (const childId of [w.child.profile.id, w.otherChild.profile.id]) {
			const record = {
				id: randomId(),
				childId,
				purpose: 'school' as const,
				purposeOther: null,
				answer: 'agreed' as const,
				reason: null,
				askedBy: 'K',
				askedOn: '2026-01-01',
				recordedByUserId: w.keyWorker.id,
				recordedByName: 'K',
				recordedAt: new Date()
			};
			db.insert(consentRecord).values(record).run();
			db.insert(consentChangeRequest)
				.values({
					id: randomId(),
					childId,
					consentRecordId: record.id,
					message: null,
					requestedByUserId: w.child.account!.id,
					requestedAt: new Date()
				})
				.run();
		}
		const all = db.select().from(consentChangeRequest).all();
		for (const actor of Object.values(people)) {
			const relations = [w.child.profile.id, w.otherChild.profile.id].map((id) =>
				relationToChild(db, actor, id, new Date())!
			);
			const scoped = db
				.select({ id: consentChangeRequest.id })
				.from(consentChangeRequest)
				.where(consentRequestScope(actor, relations))
				.all()
				.map((r) => r.id)
				.sort();
			const predicate = all
				.filter((q) => relations.some((r) => seesConsentRequest(actor, r, q)))
				.map((q) => q.id)
				.sort();
			expect(scoped, actor.role).toEqual(predicate);
			expect(scoped.length, actor.role).toBe(
				['key_worker', 'social_worker', 'manager'].includes(actor.role) ? 1 : 0
			);
		}
	});
});
