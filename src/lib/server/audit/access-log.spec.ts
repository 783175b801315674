import { describe, expect, it } from 'vitest';
import { createTestDb } from '../test/db';
import { makeWorld, actorFor } from '../test/factories';
import { record, viewsOfChild } from './access-log';
import { openRecord, readProfile, whoLooked } from '../children/profile';
import { permissionsOn } from '../access';

describe('the access log', () => {
	it('refuses UPDATE and DELETE in the database itself', () => {
		const db = createTestDb();
		record(db, { actor: null, action: 'sign-in-failed', address: '192.0.2.1' });
		expect(() => db.$client.prepare("UPDATE access_log SET action = 'x'").run()).toThrow(
			/append-only/
		);
		expect(() => db.$client.prepare('DELETE FROM access_log').run()).toThrow(/append-only/);
		expect(db.$client.prepare('SELECT count(*) AS n FROM access_log').get()).toEqual({ n: 1 });
	});

	it("logs every staff view of a child's record, and shows the child who looked", () => {
		const db = createTestDb();
		const w = makeWorld(db);
		const childId = w.child.profile.id;
		openRecord(
			db,
			permissionsOn(db, actorFor(db, w.keyWorker), childId),
			'10.0.0.1',
			new Date('2026-04-01T09:00:00Z')
		);
		readProfile(
			db,
			permissionsOn(db, actorFor(db, w.socialWorker), childId),
			'10.0.0.2',
			new Date('2026-04-02T09:00:00Z')
		);
		// The child's own look is not something they need to be told about.
		openRecord(db, permissionsOn(db, actorFor(db, w.child.account!), childId), '10.0.0.3');
		const seen = whoLooked(db, actorFor(db, w.child.account!));
		expect(seen.map((v) => [v.name, v.role, v.action])).toEqual([
			[w.socialWorker.displayName, 'social_worker', 'profile-viewed'],
			[w.keyWorker.displayName, 'key_worker', 'record-viewed']
		]);
		expect(viewsOfChild(db, w.otherChild.profile.id, w.otherChild.account!.id)).toEqual([]);
	});

	it("lets only the child read their own 'who looked' list", () => {
		const db = createTestDb();
		const w = makeWorld(db);
		expect(() => whoLooked(db, actorFor(db, w.keyWorker))).toThrow();
		expect(() => whoLooked(db, actorFor(db, w.manager))).toThrow();
	});
});
