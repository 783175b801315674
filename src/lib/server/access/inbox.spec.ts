import { describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { createTestDb } from '../test/db';
import { actorFor, assignTo, childEntryInput, makeUser, makeWorld } from '../test/factories';
import { entry, inboxRead } from '../db/schema';
import { mayMarkRead } from './inbox';
import { relationToChild } from './relation';
import { AccessDenied } from './actor';
import { createChildDraft, sendChildEntry } from '../space/child-entries';
import { markRead } from '../space/inbox';

function setup() {
	const db = createTestDb();
	const w = makeWorld(db);
	const child = actorFor(db, w.child.account!);
	const send = (visibility: 'workers' | 'advocate' | 'record' | 'just_me') =>
		sendChildEntry(
			db,
			child,
			createChildDraft(db, child, childEntryInput({ visibility })).id,
			null
		);
	return { db, w, send };
}

describe("marking a child's item read", () => {
	it('is for those who may read it in full: their workers and manager, the advocate what is shared with them', () => {
		const { db, w, send } = setup();
		const forWorkers = db
			.select()
			.from(entry)
			.where(eq(entry.id, send('workers').id))
			.get()!;
		const forAdvocate = db
			.select()
			.from(entry)
			.where(eq(entry.id, send('advocate').id))
			.get()!;
		const justMe = db
			.select()
			.from(entry)
			.where(eq(entry.id, send('just_me').id))
			.get()!;
		const may = (who: Parameters<typeof actorFor>[1], row: typeof forWorkers) => {
			const actor = actorFor(db, who);
			return mayMarkRead(actor, relationToChild(db, actor, row.childId, new Date())!, row);
		};
		for (const who of [w.keyWorker, w.socialWorker, w.manager]) {
			expect(may(who, forWorkers), who.role).toBe(true);
			expect(may(who, justMe), who.role).toBe(false);
		}
		expect(may(w.advocate, forWorkers)).toBe(false);
		expect(may(w.advocate, forAdvocate)).toBe(true);
		const stranger = makeUser(db, w.org.id, 'key_worker', { unitId: w.otherHome.id });
		for (const who of [stranger, w.admin, w.child.account!]) {
			expect(may(who, forWorkers), who.role).toBe(false);
		}
	});

	it("another worker cannot mark a child's item read, and leaves no trace trying", () => {
		const { db, w, send } = setup();
		const item = send('workers');
		const other = makeUser(db, w.org.id, 'key_worker', { unitId: w.otherHome.id });
		assignTo(db, other, w.otherChild.profile.id, 'key_worker');
		expect(() => markRead(db, actorFor(db, other), item.id)).toThrow(AccessDenied);
		expect(() => markRead(db, actorFor(db, w.advocate), item.id)).toThrow(AccessDenied);
		expect(() => markRead(db, actorFor(db, other), 'no-such-entry')).toThrow(AccessDenied);
		expect(db.select().from(inboxRead).all()).toEqual([]);
		markRead(db, actorFor(db, w.keyWorker), item.id);
		expect(db.select().from(inboxRead).all()).toEqual([
			expect.objectContaining({ userId: w.keyWorker.id, entryId: item.id })
		]);
	});
});
