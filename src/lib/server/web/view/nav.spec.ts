import { describe, expect, it } from 'vitest';
import { createTestDb } from '../../test/db';
import { actorFor, makeWorld } from '../../test/factories';
import { accountLinkFor, homeFor, navFor, offersHelpNow } from './nav';

describe('navigation', () => {
	it("lists each role's places once, with its home first", () => {
		const db = createTestDb();
		const w = makeWorld(db);
		const people = [
			w.child.account!,
			w.careLeaver.account!,
			w.keyWorker,
			w.socialWorker,
			w.advocate,
			w.manager,
			w.admin
		];
		for (const person of people) {
			const actor = actorFor(db, person);
			const hrefs = navFor(actor).map((item) => item.href);
			expect(new Set(hrefs).size, person.role).toBe(hrefs.length);
			expect(hrefs[0], person.role).toBe(homeFor(actor));
			expect(accountLinkFor(actor)?.href).toBe('/account/password');
		}
		expect(navFor(actorFor(db, w.admin)).map((i) => i.href)).toEqual([
			'/accounts',
			'/admin/units',
			'/admin/integrations'
		]);
		expect(navFor(null)).toEqual([]);
		// The disagreements list: for those who answer them (the advocate helps send them).
		const withDisagreements = people
			.filter((p) => navFor(actorFor(db, p)).some((i) => i.href === '/disagreements'))
			.map((p) => p.role);
		expect(withDisagreements).toEqual(['key_worker', 'social_worker', 'manager']);
	});

	it('offers help now to children and care leavers only', () => {
		const db = createTestDb();
		const w = makeWorld(db);
		expect(offersHelpNow(actorFor(db, w.child.account!))).toBe(true);
		expect(offersHelpNow(actorFor(db, w.careLeaver.account!))).toBe(true);
		for (const person of [w.keyWorker, w.socialWorker, w.advocate, w.manager, w.admin]) {
			expect(offersHelpNow(actorFor(db, person)), person.role).toBe(false);
		}
		expect(offersHelpNow(null)).toBe(false);
	});
});
