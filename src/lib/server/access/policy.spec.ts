import { describe, expect, it } from 'vitest';
import { createTestDb } from '../test/db';
import { actorFor, assignTo, makeUser, makeWorld } from '../test/factories';
import {
	allows,
	allowsAccount,
	allowsChild,
	childrenFor,
	accountsFor,
	assignableStaff,
	caseTeamsFor,
	rolesCreatableBy,
	unitsFor,
	type ChildAction,
	type GeneralAction
} from '.';

function world() {
	const db = createTestDb();
	const w = makeWorld(db);
	const actor = (u: Parameters<typeof actorFor>[1]) => actorFor(db, u);
	return { db, w, actor };
}

describe('access to a child', () => {
	const expectations: Record<string, Partial<Record<ChildAction, boolean>>> = {
		child: {
			viewRecord: true,
			viewProfile: true,
			editProfile: false,
			createSignInCode: false,
			manageAssignments: false,
			viewAccessLog: true,
			chooseAdvocateSharing: true,
			writeViewsWith: false
		},
		keyWorker: {
			viewRecord: true,
			viewProfile: true,
			editProfile: true,
			createSignInCode: true,
			manageAssignments: false,
			viewAccessLog: false,
			chooseAdvocateSharing: false,
			writeViewsWith: false
		},
		socialWorker: {
			viewRecord: true,
			viewProfile: true,
			editProfile: true,
			createSignInCode: true,
			manageAssignments: false,
			viewAccessLog: false,
			chooseAdvocateSharing: false,
			writeViewsWith: false
		},
		advocate: {
			viewRecord: true,
			viewProfile: false,
			editProfile: false,
			createSignInCode: false,
			manageAssignments: false,
			viewAccessLog: false,
			chooseAdvocateSharing: false,
			writeViewsWith: true
		},
		manager: {
			viewRecord: true,
			viewProfile: true,
			editProfile: true,
			createSignInCode: true,
			manageAssignments: true,
			approveAssignments: true,
			viewAccessLog: false,
			chooseAdvocateSharing: false,
			writeViewsWith: false
		},
		// Administrators make accounts; they never assign anyone to a child.
		admin: {
			viewRecord: false,
			viewProfile: false,
			editProfile: false,
			createSignInCode: true,
			manageAssignments: false,
			approveAssignments: false,
			viewAccessLog: false,
			chooseAdvocateSharing: false,
			writeViewsWith: false
		}
	};

	it.each(Object.entries(expectations))('%s, for their own or assigned child', (who, rules) => {
		const { db, w, actor } = world();
		const person = who === 'child' ? w.child.account! : w[who as 'keyWorker'];
		for (const [action, allowed] of Object.entries(rules)) {
			expect(
				allowsChild(db, actor(person), action as ChildAction, w.child.profile.id),
				action
			).toBe(allowed);
		}
	});

	it.each(['keyWorker', 'socialWorker', 'advocate', 'manager'] as const)(
		'%s sees nothing of a child who is not theirs',
		(who) => {
			const { db, w, actor } = world();
			for (const action of Object.keys(expectations.child!) as ChildAction[]) {
				expect(allowsChild(db, actor(w[who]), action, w.otherChild.profile.id)).toBe(false);
			}
		}
	);

	it('a child sees nothing of another child', () => {
		const { db, w, actor } = world();
		for (const action of Object.keys(expectations.child!) as ChildAction[]) {
			expect(allowsChild(db, actor(w.child.account!), action, w.otherChild.profile.id)).toBe(false);
			expect(allowsChild(db, actor(w.child.account!), action, w.careLeaver.profile.id)).toBe(false);
		}
	});

	it('a personal adviser does what a key worker does, for their own care leaver only', () => {
		const { db, w, actor } = world();
		const adviser = actor(w.personalAdviser);
		const keyWorker = actor(w.keyWorker);
		for (const action of Object.keys(expectations.keyWorker!) as ChildAction[]) {
			expect(allowsChild(db, adviser, action, w.careLeaver.profile.id), action).toBe(
				allowsChild(db, keyWorker, action, w.child.profile.id)
			);
			expect(allowsChild(db, adviser, action, w.child.profile.id), action).toBe(false);
			expect(allowsChild(db, adviser, action, w.otherChild.profile.id), action).toBe(false);
		}
		expect(childrenFor(db, adviser).map((c) => c.id)).toEqual([w.careLeaver.profile.id]);
		for (const general of ['listChildren', 'viewInbox', 'viewDisagreements'] as const)
			expect(allows(adviser, general), general).toBe(true);
	});

	it('moving a child on to a care leaver: their social worker or manager, not others', () => {
		const { db, w, actor } = world();
		const may = (u: Parameters<typeof actorFor>[1], childId = w.child.profile.id) =>
			allowsChild(db, actor(u), 'moveToLeaver', childId);
		expect(may(w.socialWorker)).toBe(true);
		expect(may(w.manager)).toBe(true);
		expect(may(w.keyWorker)).toBe(false);
		expect(may(w.advocate)).toBe(false);
		expect(may(w.admin)).toBe(false);
		expect(may(w.child.account!)).toBe(false);
		expect(may(w.personalAdviser, w.careLeaver.profile.id)).toBe(false);
		expect(may(w.socialWorker, w.otherChild.profile.id)).toBe(false);
	});

	it('a care leaver sees their own record', () => {
		const { db, w, actor } = world();
		expect(
			allowsChild(db, actor(w.careLeaver.account!), 'viewRecord', w.careLeaver.profile.id)
		).toBe(true);
		expect(
			allowsChild(db, actor(w.careLeaver.account!), 'viewAccessLog', w.careLeaver.profile.id)
		).toBe(true);
	});

	it('a manager sees the children of their team as well as their home', () => {
		const { db, w, actor } = world();
		const teamManager = { ...actor(w.manager), unitId: w.team.id };
		expect(allowsChild(db, teamManager, 'viewRecord', w.careLeaver.profile.id)).toBe(true);
		expect(allowsChild(db, teamManager, 'viewRecord', w.otherChild.profile.id)).toBe(false);
	});

	it('nobody reaches into another organisation', () => {
		const { db, w, actor } = world();
		for (const person of [w.admin, w.manager, w.keyWorker]) {
			expect(allowsChild(db, actor(person), 'viewRecord', w.otherOrgChild.profile.id)).toBe(false);
			expect(allowsChild(db, actor(person), 'manageAssignments', w.otherOrgChild.profile.id)).toBe(
				false
			);
		}
		// Even an assignment row across organisations gives nothing.
		assignTo(db, w.keyWorker, w.otherOrgChild.profile.id, 'key_worker');
		expect(allowsChild(db, actor(w.keyWorker), 'viewRecord', w.otherOrgChild.profile.id)).toBe(
			false
		);
	});

	it('ending an assignment takes effect at once', () => {
		const { db, w, actor } = world();
		const now = new Date();
		const later = assignTo(db, w.keyWorker, w.otherChild.profile.id, 'key_worker', {
			startsAt: new Date(now.getTime() - 1000),
			endsAt: new Date(now.getTime() + 60_000)
		});
		expect(later.endsAt).not.toBeNull();
		expect(allowsChild(db, actor(w.keyWorker), 'viewRecord', w.otherChild.profile.id, now)).toBe(
			true
		);
		const after = new Date(now.getTime() + 60_000);
		expect(allowsChild(db, actor(w.keyWorker), 'viewRecord', w.otherChild.profile.id, after)).toBe(
			false
		);
	});
});

describe('lists are scoped by the policy', () => {
	it('workers list only their current children; managers their unit; admins none', () => {
		const { db, w, actor } = world();
		expect(childrenFor(db, actor(w.keyWorker)).map((c) => c.id)).toEqual([w.child.profile.id]);
		expect(childrenFor(db, actor(w.advocate)).map((c) => c.id)).toEqual([w.child.profile.id]);
		expect(childrenFor(db, actor(w.manager)).map((c) => c.id)).toEqual([w.child.profile.id]);
		expect(childrenFor(db, actor(w.admin))).toEqual([]);
		expect(childrenFor(db, actor(w.child.account!))).toEqual([]);
	});

	it("admins list their organisation's accounts; managers their unit's; others none", () => {
		const { db, w, actor } = world();
		const adminSees = accountsFor(db, actor(w.admin)).map((a) => a.id);
		expect(adminSees).toContain(w.keyWorker.id);
		expect(adminSees).not.toContain(w.otherOrgAdmin.id);
		const managerSees = accountsFor(db, actor(w.manager)).map((a) => a.id);
		expect(managerSees.sort()).toEqual([w.keyWorker.id, w.child.account!.id].sort());
		expect(accountsFor(db, actor(w.keyWorker))).toEqual([]);
	});
});

describe('accounts', () => {
	it('admins manage accounts in their organisation but not other admins or themselves', () => {
		const { db, w, actor } = world();
		expect(allowsAccount(db, actor(w.admin), 'disable', w.keyWorker.id)).toBe(true);
		expect(allowsAccount(db, actor(w.admin), 'disable', w.admin.id)).toBe(false);
		expect(allowsAccount(db, actor(w.admin), 'disable', w.otherOrgAdmin.id)).toBe(false);
	});

	it('managers manage their own staff and children, not other managers', () => {
		const { db, w, actor } = world();
		expect(allowsAccount(db, actor(w.manager), 'disable', w.keyWorker.id)).toBe(true);
		expect(allowsAccount(db, actor(w.manager), 'disable', w.child.account!.id)).toBe(true);
		expect(allowsAccount(db, actor(w.manager), 'disable', w.socialWorker.id)).toBe(false);
		expect(allowsAccount(db, actor(w.manager), 'disable', w.admin.id)).toBe(false);
		expect(allowsAccount(db, actor(w.keyWorker), 'disable', w.child.account!.id)).toBe(false);
	});

	it('who may create which accounts', () => {
		const { w, actor } = world();
		expect(rolesCreatableBy(actor(w.admin))).toContain('admin');
		expect(rolesCreatableBy(actor(w.manager))).not.toContain('manager');
		expect(rolesCreatableBy(actor(w.manager))).toContain('advocate');
		expect(rolesCreatableBy(actor(w.keyWorker))).toEqual([]);
		expect(allows(actor(w.admin), 'manageUnits')).toBe(true);
		expect(allows(actor(w.manager), 'manageUnits')).toBe(false);
	});
});

describe('named rules instead of role comparisons', () => {
	const rules: Partial<Record<GeneralAction, string[]>> = {
		listChildrenByUnit: ['manager', 'managerWithoutUnit'],
		listOrganisationAccounts: ['admin'],
		createAccounts: ['admin', 'manager'],
		placeAnywhere: ['admin'],
		placeInOwnUnit: ['manager'],
		assignStaff: ['manager', 'managerWithoutUnit'],
		viewDisagreements: ['keyWorker', 'socialWorker', 'manager', 'managerWithoutUnit']
	};

	it.each(Object.entries(rules))('%s: %j and no one else', (rule, allowed) => {
		const { db, w, actor } = world();
		const people = {
			child: w.child.account!,
			keyWorker: w.keyWorker,
			socialWorker: w.socialWorker,
			advocate: w.advocate,
			manager: w.manager,
			managerWithoutUnit: makeUser(db, w.org.id, 'manager'),
			admin: w.admin
		};
		for (const [who, person] of Object.entries(people)) {
			expect(allows(actor(person), rule as GeneralAction), who).toBe(allowed.includes(who));
		}
	});

	it('where accounts go: an administrator anywhere in the organisation, a manager only in their unit', () => {
		const { db, w, actor } = world();
		const ids = (units: { id: string }[]) => units.map((u) => u.id).sort();
		const organisation = [w.home.id, w.team.id, w.otherHome.id].sort();
		expect(ids(unitsFor(db, actor(w.admin)))).toEqual(organisation);
		expect(ids(unitsFor(db, actor(w.manager)))).toEqual([w.home.id]);
		expect(unitsFor(db, actor(makeUser(db, w.org.id, 'manager')))).toEqual([]);
		expect(unitsFor(db, actor(w.keyWorker))).toEqual([]);
		// A home's manager names the social work team that holds a child's case: any of theirs.
		expect(ids(caseTeamsFor(db, actor(w.manager)))).toEqual(organisation);
		expect(ids(caseTeamsFor(db, actor(w.admin)))).toEqual(organisation);
		expect(caseTeamsFor(db, actor(w.keyWorker))).toEqual([]);
	});

	it('only managers choose workers to assign, from their own organisation', () => {
		const { db, w, actor } = world();
		const staff = assignableStaff(db, actor(w.manager)).map((s) => s.id);
		expect(staff.sort()).toEqual(
			[w.keyWorker.id, w.socialWorker.id, w.advocate.id, w.personalAdviser.id].sort()
		);
		expect(assignableStaff(db, actor(w.admin))).toEqual([]);
		expect(assignableStaff(db, actor(w.keyWorker))).toEqual([]);
	});

	it("a manager's children are their unit's, never found through an assignment", () => {
		const { db, w, actor } = world();
		const managerWithoutUnit = makeUser(db, w.org.id, 'manager');
		assignTo(db, managerWithoutUnit, w.child.profile.id, 'key_worker');
		expect(childrenFor(db, actor(managerWithoutUnit))).toEqual([]);
	});
});
