import { describe, expect, it } from 'vitest';
import { createTestDb } from '../test/db';
import { actorFor, makeUser, makeWorld } from '../test/factories';
import { and, eq } from 'drizzle-orm';
import { assignment } from '../db/schema';
import {
	AccessDenied,
	allowsChild,
	childActions,
	permissionsOn,
	requireChild,
	requireOnRelation,
	type PermissionCache
} from '.';
import { relationToChild } from './relation';

function world() {
	const db = createTestDb();
	const w = makeWorld(db);
	const newManager = makeUser(db, w.org.id, 'manager', {
		unitId: w.home.id,
		createdBy: w.admin.id
	});
	const people = {
		child: w.child.account!,
		careLeaver: w.careLeaver.account!,
		otherChild: w.otherChild.account!,
		keyWorker: w.keyWorker,
		socialWorker: w.socialWorker,
		advocate: w.advocate,
		manager: w.manager,
		newManager,
		admin: w.admin,
		otherOrgAdmin: w.otherOrgAdmin
	};
	const children = {
		child: w.child.profile.id,
		careLeaver: w.careLeaver.profile.id,
		otherChild: w.otherChild.profile.id,
		otherOrgChild: w.otherOrgChild.profile.id
	};
	return { db, w, people, children };
}

const slow = { timeout: 60_000 };

describe("a person's permissions on a child, asked once", () => {
	// Some five hundred questions to allowsChild, each loading the relation afresh.
	it(
		'say what allowsChild says, for every action, person and child of the seeded world',
		slow,
		() => {
			const { db, people, children } = world();
			const byPermissions: Record<string, boolean> = {};
			const byAllowsChild: Record<string, boolean> = {};
			for (const [who, person] of Object.entries(people)) {
				const actor = actorFor(db, person);
				for (const [whose, childId] of Object.entries(children)) {
					const { can } = permissionsOn(db, actor, childId);
					for (const action of childActions) {
						const key = `${who} on ${whose}: ${action}`;
						byPermissions[key] = can[action];
						byAllowsChild[key] = allowsChild(db, actor, action, childId);
					}
				}
			}
			expect(byPermissions).toEqual(byAllowsChild);
			expect(Object.keys(byPermissions)).toHaveLength(
				Object.keys(people).length * 4 * childActions.length
			);
			// A world with yeses and noes in it, not one where every answer is the same.
			const answers = Object.values(byAllowsChild);
			expect(answers.filter(Boolean).length).toBeGreaterThan(20);
			expect(answers.filter((a) => !a).length).toBeGreaterThan(20);
		}
	);

	it('require() gives the checked relation exactly where allowsChild says yes', () => {
		const { db, people, children } = world();
		for (const person of Object.values(people)) {
			const actor = actorFor(db, person);
			for (const childId of Object.values(children)) {
				const permissions = permissionsOn(db, actor, childId);
				for (const action of childActions) {
					if (permissions.can[action]) {
						expect(permissions.require(action).child.id).toBe(childId);
					} else {
						expect(() => permissions.require(action)).toThrow(AccessDenied);
					}
				}
			}
		}
	});

	it('are worked out once per request: the cache answers the second question', () => {
		const { db, w, children } = world();
		const worker = actorFor(db, w.keyWorker);
		const cache: PermissionCache = new Map();
		const first = permissionsOn(db, worker, children.child, new Date(), cache);
		const queries = countQueries(db, () =>
			permissionsOn(db, worker, children.child, new Date(), cache)
		);
		expect(queries.result).toBe(first);
		expect(queries.count).toBe(0);
		// Without the cache, the relation is loaded again.
		expect(countQueries(db, () => permissionsOn(db, worker, children.child)).count).toBe(2);
		// Another person never gets this person's answers from the cache.
		const advocate = actorFor(db, w.advocate);
		const theirs = permissionsOn(db, advocate, children.child, new Date(), cache);
		expect(theirs.actor).toBe(advocate);
		expect(theirs.can.viewProfile).toBe(false);
	});

	it('a new request sees an ended assignment: nothing is kept past the cache it was given', () => {
		const { db, w, children } = world();
		const worker = actorFor(db, w.keyWorker);
		expect(permissionsOn(db, worker, children.child, new Date(), new Map()).can.viewRecord).toBe(
			true
		);
		db.update(assignment)
			.set({ endsAt: new Date(Date.now() - 1000) })
			.where(and(eq(assignment.userId, w.keyWorker.id), eq(assignment.childId, children.child)))
			.run();
		expect(permissionsOn(db, worker, children.child, new Date(), new Map()).can.viewRecord).toBe(
			false
		);
	});

	it('refuse a child that does not exist', () => {
		const { db, w } = world();
		expect(() => permissionsOn(db, actorFor(db, w.keyWorker), 'no-such-child')).toThrow(
			AccessDenied
		);
	});
});

describe('a checked relation', () => {
	it('answers only for the person it was worked out for', () => {
		const { db, w, children } = world();
		const worker = actorFor(db, w.keyWorker);
		const socialWorker = actorFor(db, w.socialWorker);
		const theirs = relationToChild(db, socialWorker, children.child, new Date())!;
		// The key worker may write this record, but not on the social worker's relation.
		expect(() => requireOnRelation(worker, 'writeRecord', theirs)).toThrow(AccessDenied);
		expect(requireOnRelation(socialWorker, 'writeRecord', theirs).child.id).toBe(children.child);
		expect(requireChild(db, worker, 'writeRecord', children.child).actorId).toBe(worker.id);
	});
});

/** How many statements the database ran while `work` did. */
function countQueries<T>(db: ReturnType<typeof createTestDb>, work: () => T) {
	// Statements run, prepared now or kept from before (db/prepared.ts keeps the hot ones).
	const statement = Object.getPrototypeOf(db.$client.prepare('SELECT 1')) as Record<
		string,
		(...args: unknown[]) => unknown
	>;
	const methods = ['get', 'all', 'run', 'iterate'] as const;
	const originals = methods.map((m) => statement[m]!);
	let count = 0;
	methods.forEach((m, i) => {
		statement[m] = function (this: unknown, ...args: unknown[]) {
			count++;
			return originals[i]!.apply(this, args);
		};
	});
	try {
		return { result: work(), count };
	} finally {
		methods.forEach((m, i) => (statement[m] = originals[i]!));
	}
}
