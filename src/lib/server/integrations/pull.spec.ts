import { describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { createTestDb } from '../test/db';
import { actorFor, childEntryInput, finalEntry, makeWorld } from '../test/factories';
import { accessLog, entry } from '../db/schema';
import type { Actor } from '../access';
import { createChildDraft, sendChildEntry } from '../space/child-entries';
import { startDisagreement } from '../disagreements/disagree';
import { acknowledge, linkable } from '../disagreements/steps';
import { createIntegrationToken, integrationFor, type Integration } from './tokens';
import { BadCursor, changedItems, settleMs } from './pull';
import { viewsOfChild } from '../audit/access-log';

const t1 = new Date('2025-04-01T10:00:00Z');
const t2 = new Date('2025-04-02T10:00:00Z');
const t3 = new Date('2025-04-05T10:00:00Z');
const later = (d: Date, ms: number) => new Date(d.getTime() + ms);

function setup() {
	const db = createTestDb();
	const w = makeWorld(db);
	const childId = w.child.profile.id;
	const child = actorFor(db, w.child.account!);
	const send = (
		who: Actor,
		input: Parameters<typeof childEntryInput>[0],
		now: Date,
		options = { send: true }
	) => {
		const draft = createChildDraft(db, who, childEntryInput(input), now);
		return options.send ? sendChildEntry(db, who, draft.id, null, now) : draft;
	};
	const integration = (admin: typeof w.admin): Integration =>
		integrationFor(db, createIntegrationToken(db, actorFor(db, admin), 'Case system', null).token)!;

	// Seven linkable items, most sharing a time with another.
	const items = [
		send(child, { visibility: 'record' }, t1),
		send(child, { visibility: 'record' }, t1),
		send(child, { visibility: 'record' }, t1),
		send(child, { kind: 'view', visibility: 'record', eventDate: '2025-04-02' }, t2),
		send(child, { kind: 'view', visibility: 'record', eventDate: '2025-04-02' }, t2),
		send(child, { kind: 'memory', visibility: 'record' }, t2)
	];
	const disputed = finalEntry(db, w.keyWorker, childId, { eventDate: '2025-03-01' }, t1);
	const said = startDisagreement(
		db,
		child,
		disputed.id,
		{ wrong: 'That is wrong.', happened: '', wants: ['explain'] },
		null,
		t2
	);
	const disagreement = sendChildEntry(db, child, said.id, null, t2);
	items.push(disagreement);
	// And what is not for the case record: kept for workers, a draft, a staff entry.
	send(child, { visibility: 'workers' }, t1);
	send(child, { visibility: 'record' }, t1, { send: false });
	finalEntry(db, w.keyWorker, childId, { eventDate: '2025-03-01', visibility: 'shared' }, t2);
	// Another organisation's child, with an item of their own.
	const elsewhere = send(actorFor(db, w.otherOrgChild.account!), { visibility: 'record' }, t1);

	return { db, w, child, send, integration, items, disagreement, elsewhere };
}

function pullAll(
	db: ReturnType<typeof createTestDb>,
	integration: Integration,
	now: Date,
	from: string | null = null
) {
	const pages = [];
	let cursor = from;
	for (;;) {
		const page = changedItems(db, integration, { cursor, limit: 2, now });
		pages.push(page);
		cursor = page.nextCursor;
		if (!page.hasMore)
			return { pages, cursor, ids: pages.flatMap((p) => p.items.map((i) => i.id)) };
	}
}

describe('the pull API', () => {
	it('pages through every linkable item exactly once, even when several share a time', () => {
		const { db, w, integration, items } = setup();
		const { pages, ids } = pullAll(db, integration(w.admin), later(t2, settleMs));
		expect(pages.map((p) => p.items.length)).toEqual([2, 2, 2, 1]);
		expect(ids).toHaveLength(7);
		expect(new Set(ids)).toEqual(new Set(items.map((i) => i.id)));
		const times = pages.flatMap((p) => p.items.map((i) => i.updatedAt));
		expect(times).toEqual([...times].sort());
		const rows = db.select().from(entry).all();
		expect(rows.filter((r) => ids.includes(r.id)).every(linkable)).toBe(true);
	});

	it('sees only the organisation of its token', () => {
		const { db, w, integration, elsewhere } = setup();
		const ours = pullAll(db, integration(w.admin), later(t2, settleMs)).ids;
		const theirs = pullAll(db, integration(w.otherOrgAdmin), later(t2, settleMs)).ids;
		expect(ours).not.toContain(elsewhere.id);
		expect(theirs).toEqual([elsewhere.id]);
	});

	it('brings an item back once when it changes, and new items once, after the cursor', () => {
		const { db, w, child, send, integration, disagreement } = setup();
		const api = integration(w.admin);
		const first = pullAll(db, api, later(t2, settleMs));
		acknowledge(db, actorFor(db, w.keyWorker), disagreement.id, null, t3);
		const fresh = send(child, { visibility: 'record' }, t3);

		// Changes wait until they have settled, so none committed late is ever skipped.
		const early = changedItems(db, api, { cursor: first.cursor, limit: 2, now: later(t3, 1000) });
		expect(early).toEqual({ items: [], nextCursor: first.cursor, hasMore: false });

		const again = pullAll(db, api, later(t3, settleMs), first.cursor);
		expect(again.ids.sort()).toEqual([disagreement.id, fresh.id].sort());
		const changed = again.pages[0]!.items.find((i) => i.id === disagreement.id)!;
		expect(changed).toMatchObject({
			updatedAt: t3.toISOString(),
			disagreement: { status: 'acknowledged' }
		});
		const after = changedItems(db, api, { cursor: again.cursor, limit: 2, now: later(t3, 1e7) });
		expect(after).toEqual({ items: [], nextCursor: again.cursor, hasMore: false });
	});

	it('writes every call to the access log, and each child whose items it carried, by the token’s name', () => {
		const { db, w, integration, items } = setup();
		const api = integration(w.admin);
		changedItems(db, api, { cursor: null, limit: 50, address: '192.0.2.9' });
		changedItems(db, api, { cursor: null, limit: 1 });
		const rows = db
			.select()
			.from(accessLog)
			.where(eq(accessLog.action, 'integration-api-read'))
			.all();
		const read = { actorUserId: null, actorName: 'Case system' };
		expect(rows).toEqual([
			expect.objectContaining({ ...read, childId: null, address: '192.0.2.9' }),
			expect.objectContaining({ ...read, childId: items[0]!.childId, address: '192.0.2.9' }),
			expect.objectContaining({ ...read, childId: null }),
			expect.objectContaining({ ...read, childId: items[0]!.childId })
		]);
		// The child sees it on "Who has looked at my record", by the system's name.
		const child = items[0]!.childId;
		const seen = viewsOfChild(db, child, w.child.account!.id).filter(
			(v) => v.action === 'integration-api-read'
		);
		expect(seen).toEqual([
			expect.objectContaining({ name: 'Case system', role: null }),
			expect.objectContaining({ name: 'Case system', role: null })
		]);
		// An empty page names no child.
		const last = pullAll(db, api, new Date()).cursor;
		changedItems(db, api, { cursor: last, limit: 5 });
		expect(
			db.select().from(accessLog).where(eq(accessLog.action, 'integration-api-read')).all().at(-1)
		).toMatchObject({ childId: null });
	});

	it('refuses a cursor it did not make and a limit out of range', () => {
		const { db, w, integration } = setup();
		const api = integration(w.admin);
		for (const cursor of ['nope', Buffer.from('[1]').toString('base64url'), '!!']) {
			expect(() => changedItems(db, api, { cursor, limit: 2 })).toThrow(BadCursor);
		}
		for (const limit of [0, 101, 1.5]) {
			expect(() => changedItems(db, api, { cursor: null, limit })).toThrow(RangeError);
		}
	});
});
