import { describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { createTestDb } from '../test/db';
import { actorFor, makeWorld } from '../test/factories';
import { clientOf } from '../db';
import { childProfile, user } from '../db/schema';
import { AccessDenied, childrenFor, permissionsOn } from '../access';
import { RecordError } from '../record/errors';
import { historyFor } from './history';
import { readOwnIdentity, updateOwnIdentity, type OwnIdentity } from './identity';
import { readProfile, updateProfile, type ProfileChanges } from './profile';

function setup() {
	const db = createTestDb();
	const w = makeWorld(db);
	return {
		db,
		w,
		childId: w.child.profile.id,
		child: actorFor(db, w.child.account!),
		keyWorker: actorFor(db, w.keyWorker),
		advocate: actorFor(db, w.advocate)
	};
}

const mine = (over: Partial<OwnIdentity> = {}): OwnIdentity => ({
	preferredName: 'Mo',
	pronouns: 'she/her',
	ownCulture: 'Somali and Welsh',
	ownReligion: null,
	ownLanguages: 'Somali at home',
	ownAboutMe: null,
	...over
});
const at = (minutes: number) => new Date(Date.UTC(2026, 0, 12, 10, minutes));

describe('my name, my words', () => {
	it('the child changes how they are described; the preferred name is used everywhere', () => {
		const { db, w, childId, child, keyWorker } = setup();
		expect(updateOwnIdentity(db, child, mine(), null, at(1))).toBe(4);
		expect(readOwnIdentity(db, child)).toMatchObject(mine());
		const account = db.select().from(user).where(eq(user.id, w.child.account!.id)).get()!;
		expect(account.displayName).toBe('Mo');
		expect(childrenFor(db, keyWorker).find((c) => c.id === childId)?.preferredName).toBe('Mo');
		// Nothing changed: nothing written.
		expect(updateOwnIdentity(db, child, mine(), null, at(2))).toBe(0);
	});

	it("is the child's alone to change, and needs a name", () => {
		const { db, child, keyWorker, advocate } = setup();
		expect(() => updateOwnIdentity(db, keyWorker, mine(), null)).toThrow(AccessDenied);
		expect(() => updateOwnIdentity(db, advocate, mine(), null)).toThrow(AccessDenied);
		expect(() => updateOwnIdentity(db, child, mine({ preferredName: ' ' }), null)).toThrow(
			RecordError
		);
	});

	it("keeps who changed what and when, the staff profile's changes too", () => {
		const { db, childId, child, keyWorker, advocate } = setup();
		const before = db.select().from(childProfile).where(eq(childProfile.id, childId)).get()!;
		updateOwnIdentity(db, child, mine(), null, at(1));
		const profile = readProfile(db, permissionsOn(db, keyWorker, childId, at(2)), null, at(2));
		const changes: ProfileChanges = {
			legalName: 'Maya Ann Jones',
			previousNames: profile.previousNames,
			preferredName: profile.preferredName,
			dateOfBirth: profile.dateOfBirth,
			sex: profile.sex,
			genderInOwnWords: profile.genderInOwnWords,
			pronouns: 'they/them',
			religion: profile.religion,
			ethnicityInOwnWords: profile.ethnicityInOwnWords,
			languages: profile.languages,
			preferredLanguage: profile.preferredLanguage,
			communicationNeeds: profile.communicationNeeds,
			disabilities: profile.disabilities,
			caseSystemPersonId: profile.caseSystemPersonId
		};
		updateProfile(db, keyWorker, childId, changes, null, at(3));

		const staffSees = historyFor(db, permissionsOn(db, keyWorker, childId, at(4)));
		const rows = staffSees.map((c) => [c.field, c.before, c.after, c.changedByName].join('|'));
		expect(staffSees[0]!.changedByName).toBe(keyWorker.displayName);
		expect(rows.sort()).toEqual(
			[
				['legalName', before.legalName, 'Maya Ann Jones', keyWorker.displayName],
				['pronouns', 'she/her', 'they/them', keyWorker.displayName],
				['preferredName', before.preferredName, 'Mo', child.displayName],
				['pronouns', null, 'she/her', child.displayName],
				['ownCulture', null, 'Somali and Welsh', child.displayName],
				['ownLanguages', null, 'Somali at home', child.displayName]
			]
				.map((r) => r.map((v) => v ?? '').join('|'))
				.sort()
		);

		// The child reads the history of their own fields, not of the profile staff keep.
		const childSees = historyFor(db, permissionsOn(db, child, childId, at(4)));
		expect(childSees.map((c) => c.field)).not.toContain('legalName');
		expect(childSees.map((c) => c.field)).toContain('pronouns');
		expect(childSees).toHaveLength(5);
		expect(() => historyFor(db, permissionsOn(db, advocate, childId))).toThrow(AccessDenied);

		const sqlite = clientOf(db);
		expect(() => sqlite.prepare('UPDATE profile_change SET after = NULL').run()).toThrow(
			/append-only/
		);
		expect(() => sqlite.prepare('DELETE FROM profile_change').run()).toThrow(/append-only/);
	});
});
