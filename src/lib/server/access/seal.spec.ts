import { describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { createTestDb } from '../test/db';
import { actorFrom } from './actor';
import { childEntryInput, finalEntry, makeWorld } from '../test/factories';
import { entry, user, type User } from '../db/schema';
import { entryScope, entryView } from './entries';
import { idsInPreparedScopes } from '../test/scopes';
import { relationToChild } from './relation';
import { privateSealDuration } from './seal';
import { createChildDraft, sendChildEntry } from '../space/child-entries';
import { actorFor } from '../test/factories';

const hour = 3600 * 1000;

/**
 * A worker who makes a one-time code and signs in as the child must not read what the child keeps
 * "just me", nor their unsent drafts: for a day after the code (or until the child types their old
 * passphrase), the account sees neither, by the rule for one entry or by the list scope.
 */
describe('the private seal after a sign-in code', () => {
	const db = createTestDb();
	const w = makeWorld(db);
	const childId = w.child.profile.id;
	const before = new Date();
	const codeUsed = new Date(before.getTime() + hour);
	const child = w.child.account!;
	const asChild = actorFor(db, child);
	const justMe = sendChildEntry(
		db,
		asChild,
		createChildDraft(db, asChild, childEntryInput({ visibility: 'just_me' }), before).id,
		null,
		before
	);
	const forWorkers = sendChildEntry(
		db,
		asChild,
		createChildDraft(db, asChild, childEntryInput({ visibility: 'workers' }), before).id,
		null,
		before
	);
	const draft = createChildDraft(db, asChild, childEntryInput({ visibility: 'workers' }), before);
	const shared = finalEntry(db, w.keyWorker, childId, {}, before);
	// Written by whoever holds the account after the code: theirs to see.
	const afterwards = createChildDraft(
		db,
		asChild,
		childEntryInput({ visibility: 'just_me' }),
		new Date(codeUsed.getTime() + hour)
	);
	const sealedUntil = new Date(codeUsed.getTime() + privateSealDuration);
	const ids = { justMe, forWorkers, draft, shared, afterwards };

	function seen(person: User, sealed: Date | null, now: Date) {
		const actor = actorFrom(
			{ ...person, privateSealedUntil: sealed },
			person.id === child.id ? childId : null,
			now
		);
		const relation = relationToChild(db, actor, childId, now)!;
		const inScope = new Set(
			db
				.select({ id: entry.id })
				.from(entry)
				.where(entryScope(actor, relation))
				.all()
				.map((r) => r.id)
		);
		const prepared = idsInPreparedScopes(db, actor, relation);
		const out: Record<string, boolean> = {};
		for (const [key, { id }] of Object.entries(ids)) {
			const row = db.select().from(entry).where(eq(entry.id, id)).get()!;
			const byRule = entryView(actor, relation, row) !== 'hidden';
			expect(inScope.has(id), `${key}: scope and rule agree`).toBe(byRule);
			expect(prepared.finals.has(id), `${key}: the final entries' scope agrees`).toBe(
				row.status === 'final' && byRule
			);
			expect(prepared.ownDrafts.has(id), `${key}: the own drafts' scope agrees`).toBe(
				row.status === 'draft' && byRule
			);
			out[key] = byRule;
		}
		return out;
	}

	it('while sealed: "just me" and own drafts from before the code are hidden from the account', () => {
		const view = seen(child, sealedUntil, new Date(codeUsed.getTime() + 2 * hour));
		expect(view).toEqual({
			justMe: false,
			forWorkers: true,
			draft: false,
			shared: true,
			afterwards: true
		});
	});

	it('after 24 hours the seal ends by itself', () => {
		const view = seen(child, sealedUntil, new Date(sealedUntil.getTime() + 1));
		expect(view.justMe).toBe(true);
		expect(view.draft).toBe(true);
	});

	it('unsealed (the old passphrase was typed): everything is back at once', () => {
		const view = seen(child, null, new Date(codeUsed.getTime() + 2 * hour));
		expect(view.justMe).toBe(true);
		expect(view.draft).toBe(true);
	});

	it('staff never see "just me" nor the child\'s drafts, sealed or not', () => {
		for (const person of [w.keyWorker, w.socialWorker, w.manager, w.advocate, w.admin]) {
			const view = seen(person, null, new Date(codeUsed.getTime() + 2 * hour));
			expect(view.justMe, person.role).toBe(false);
			expect(view.draft, person.role).toBe(false);
			expect(view.afterwards, person.role).toBe(false);
		}
	});

	it('the account carries the seal from the user row', () => {
		db.update(user).set({ privateSealedUntil: sealedUntil }).where(eq(user.id, child.id)).run();
		const row = db.select().from(user).where(eq(user.id, child.id)).get()!;
		const actor = actorFrom(row, childId, new Date(codeUsed.getTime() + hour));
		expect(actor.privateSeal).toEqual({ since: codeUsed, until: sealedUntil });
		expect(actorFrom(row, childId, sealedUntil).privateSeal).toBeNull();
	});
});
