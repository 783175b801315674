import { eq } from 'drizzle-orm';
import type { Db } from '../db';
import { childProfile, user, type Role } from '../db/schema';
import { actorFrom, type Actor } from '../access';
import { createAccount } from '../accounts/manage';
import { createAdministrator, generatePassword } from '../accounts/bootstrap';
import { hashPassword } from '../auth/password';
import { createUnit } from '../organisation/units';
import { assign } from '../children/assignments';
import { updateProfile } from '../children/profile';
import { seedDemoRecord } from './record';
import { seedDemoSpace } from './space';
import { seedDemoDisagreements } from './disagreements';
import { seedDemoJordan } from './jordan';

export type DemoSignIn = { role: string; username: string; password: string };

/** The one-word role names used in demo-sign-ins.txt. */
export const roleWord: Record<Role, string> = {
	child: 'child',
	care_leaver: 'care-leaver',
	key_worker: 'key-worker',
	social_worker: 'social-worker',
	personal_adviser: 'personal-adviser',
	advocate: 'advocate',
	manager: 'manager',
	admin: 'admin'
};

/**
 * A demo organisation: one children's home, one team, one account of each role, with random
 * passwords made for this install only.
 */
export async function seedDemo(db: Db, now = new Date()): Promise<DemoSignIn[]> {
	const admin = await createAdministrator(
		db,
		{
			organisationName: 'Demo Borough Council (demo data)',
			username: 'robin.admin',
			displayName: 'Robin Patel',
			postTitle: 'Systems administrator'
		},
		now
	);
	const actor = actorFrom(admin.user, null);
	const home = createUnit(db, actor, { kind: 'home', name: 'Oak House' }, null, now);
	const team = createUnit(db, actor, { kind: 'team', name: 'Children in Care Team' }, null, now);

	const people = [
		{
			role: 'child',
			username: 'maya',
			displayName: 'Maya',
			legalName: 'Maya Louise Thompson',
			unitId: home.id,
			teamId: team.id
		},
		{
			role: 'care_leaver',
			username: 'jordan',
			displayName: 'Jordan',
			legalName: 'Jordan Lee Ashworth',
			unitId: team.id,
			teamId: null
		},
		{
			role: 'key_worker',
			username: 'sam.okafor',
			displayName: 'Sam Okafor',
			postTitle: 'Residential key worker',
			unitId: home.id
		},
		{
			role: 'social_worker',
			username: 'priya.shah',
			displayName: 'Priya Shah',
			postTitle: 'Social worker',
			unitId: team.id
		},
		{
			role: 'personal_adviser',
			username: 'dee.walsh',
			displayName: 'Dee Walsh',
			postTitle: 'Personal adviser, Leaving Care Team',
			unitId: team.id
		},
		{
			role: 'advocate',
			username: 'alex.morgan',
			displayName: 'Alex Morgan',
			postTitle: 'Independent advocate',
			unitId: null
		},
		{
			role: 'manager',
			username: 'chris.evans',
			displayName: 'Chris Evans',
			postTitle: 'Registered manager',
			unitId: home.id
		}
	] as const;

	const signIns: DemoSignIn[] = [];
	const ids: Record<string, { userId: string; childId: string | null }> = {};
	for (const person of people) {
		const created = await createAccount(
			db,
			actor,
			{
				role: person.role,
				username: person.username,
				displayName: person.displayName,
				postTitle: 'postTitle' in person ? person.postTitle : null,
				unitId: person.unitId,
				teamId: 'teamId' in person ? person.teamId : null,
				legalName: 'legalName' in person ? person.legalName : null
			},
			null,
			now
		);
		const password = generatePassword(
			person.role === 'child' || person.role === 'care_leaver' ? 3 : 4
		);
		// Demo accounts are no one's "new account" (see access/duties.ts): they have no maker.
		db.update(user)
			.set({
				passwordHash: await hashPassword(password),
				mustChangePassword: false,
				createdBy: null
			})
			.where(eq(user.id, created.user.id))
			.run();
		ids[person.role] = { userId: created.user.id, childId: created.childId };
		signIns.push({ role: roleWord[person.role], username: person.username, password });
	}
	signIns.push({ role: 'admin', username: admin.user.username, password: admin.password });

	const maya = ids.child!.childId!;
	const jordan = ids.care_leaver!.childId!;
	const manager = actorFrom(
		db.select().from(user).where(eq(user.id, ids.manager!.userId)).get()!,
		null
	);
	// Only a manager assigns (an administrator makes accounts). The demo has no manager of Jordan's
	// team, so Chris stands in for one for this history only.
	const teamManager: Actor = { ...manager, unitId: team.id };
	for (const [worker, child, from] of [
		['key_worker', maya, 2013],
		['social_worker', maya, 2013],
		['advocate', maya, 2013],
		['social_worker', jordan, 2010],
		['personal_adviser', jordan, 2020]
	] as const) {
		// From the start of each history, so that it was written by people assigned at the time.
		const by = child === maya ? manager : teamManager;
		assign(db, by, child, ids[worker]!.userId, null, new Date(Date.UTC(from, 0, 1)));
	}
	const mayaProfile = db.select().from(childProfile).where(eq(childProfile.id, maya)).get()!;
	updateProfile(
		db,
		manager,
		maya,
		{
			legalName: mayaProfile.legalName,
			previousNames: ['Maya Louise Carter'],
			preferredName: 'Maya',
			dateOfBirth: '2013-05-14',
			sex: 'Female',
			genderInOwnWords: 'Girl',
			pronouns: 'she/her',
			religion: 'None',
			ethnicityInOwnWords: 'Half Jamaican, half English',
			languages: ['English', 'Welsh'],
			preferredLanguage: 'en-GB',
			communicationNeeds: 'Likes short sentences and pictures; give her time to answer.',
			disabilities: 'Dyslexia',
			caseSystemPersonId: 'MOS-104233'
		},
		null,
		now
	);
	const userRow = (role: string) =>
		db.select().from(user).where(eq(user.id, ids[role]!.userId)).get()!;
	seedDemoRecord(
		db,
		{ sam: userRow('key_worker'), priya: userRow('social_worker'), chris: userRow('manager') },
		maya
	);
	await seedDemoSpace(
		db,
		{
			maya: userRow('child'),
			sam: userRow('key_worker'),
			priya: userRow('social_worker'),
			alex: userRow('advocate'),
			chris: userRow('manager')
		},
		maya,
		now
	);
	seedDemoDisagreements(
		db,
		{ maya: userRow('child'), sam: userRow('key_worker'), priya: userRow('social_worker') },
		maya,
		now
	);
	await seedDemoJordan(
		db,
		{
			jordan: userRow('care_leaver'),
			priya: userRow('social_worker'),
			dee: userRow('personal_adviser')
		},
		jordan,
		now
	);
	return signIns;
}
