import { describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { createTestDb } from '../test/db';
import { actorFor, entryInput, finalEntry, makeWorld } from '../test/factories';
import { childProfile, entry, natures, staffVisibilities, childVisibilities } from '../db/schema';
import { entryScope, entryView } from './entries';
import { idsInPreparedScopes } from '../test/scopes';
import { relationToChild } from './relation';
import { createDraft } from '../record/write';
import { releaseConfidential } from '../record/confidential';

/**
 * Every reader against every kind of entry: the rule for one entry (entryView) and the query
 * condition for lists (entryScope) must agree, and must say what DESIGN section 2 says.
 */
describe('who sees which entries', () => {
	const db = createTestDb();
	const w = makeWorld(db);
	const childId = w.child.profile.id;
	const ids: Record<string, string> = {};
	for (const visibility of staffVisibilities) {
		for (const nature of natures) {
			for (const permission of [false, true]) {
				if (visibility === 'shared' && nature === 'third_party' && !permission) continue;
				const row = finalEntry(db, w.keyWorker, childId, {
					visibility,
					nature,
					thirdPartyPermission: permission,
					sourceKind: nature === 'third_party' ? 'person' : 'first_hand',
					sourceName: nature === 'third_party' ? 'Sally Jones' : null,
					sourceRelationship: nature === 'third_party' ? 'mother' : null,
					opinionReasons: nature === 'opinion' ? 'Because.' : null,
					decisionBy: nature === 'decision' ? 'The review' : null,
					decisionBasis: nature === 'decision' ? 'Her wishes.' : null,
					confidentialReason: visibility === 'confidential' ? 'Police request' : null
				});
				ids[`${visibility}/${nature}/${permission}`] = row.id;
			}
		}
	}
	// Third-party information without permission can only be written staff-only; force one that
	// slipped into "shared" (from an older import, say) to prove the read rule holds on its own.
	const slipped = finalEntry(db, w.keyWorker, childId, { title: 'slipped' });
	db.$client.exec('DROP TRIGGER entry_final_no_update');
	db.update(entry)
		.set({ nature: 'third_party', thirdPartyPermission: false })
		.where(eq(entry.id, slipped.id))
		.run();
	ids['shared/third_party/false'] = slipped.id;
	// Child-authored visibilities (the child's own kinds arrive later; the rules are ready).
	for (const visibility of childVisibilities) {
		const row = finalEntry(db, w.keyWorker, childId, {});
		db.update(entry).set({ visibility }).where(eq(entry.id, row.id)).run();
		ids[`${visibility}/fact/false`] = row.id;
	}
	// A manager's decision moving an item out of the confidential section (to "shared").
	const lodged = finalEntry(db, w.keyWorker, childId, {
		visibility: 'confidential',
		confidentialReason: 'Police request'
	});
	ids['release'] = releaseConfidential(
		db,
		actorFor(db, w.manager),
		lodged.id,
		{ visibility: 'shared', originatorConsulted: true, originatorView: 'Agreed.' },
		null
	).id;
	const draft = createDraft(db, actorFor(db, w.keyWorker), childId, entryInput());
	ids['draft-by-key-worker'] = draft.id;

	const readers = {
		child: w.child.account!,
		keyWorker: w.keyWorker,
		socialWorker: w.socialWorker,
		advocate: w.advocate,
		manager: w.manager,
		admin: w.admin,
		otherChild: w.otherChild.account!
	};

	function seen(who: keyof typeof readers) {
		const actor = actorFor(db, readers[who]);
		const relation = relationToChild(db, actor, childId, new Date())!;
		const byRule: Record<string, string> = {};
		const status: Record<string, string> = {};
		for (const [key, id] of Object.entries(ids)) {
			const row = db.select().from(entry).where(eq(entry.id, id)).get()!;
			byRule[key] = entryView(actor, relation, row);
			status[key] = row.status;
		}
		const inScope = new Set(
			db
				.select({ id: entry.id })
				.from(entry)
				.where(and(entryScope(actor, relation)))
				.all()
				.map((r) => r.id)
		);
		// Lists use prepared scopes of their own: the same rule, for final entries and own drafts.
		const prepared = idsInPreparedScopes(db, actor, relation);
		for (const [key, id] of Object.entries(ids)) {
			const shown = byRule[key] !== 'hidden';
			expect(inScope.has(id), `${who}: ${key}`).toBe(shown);
			expect(prepared.finals.has(id), `${who}: ${key}, final`).toBe(
				status[key] === 'final' && shown
			);
			expect(prepared.ownDrafts.has(id), `${who}: ${key}, draft`).toBe(
				status[key] === 'draft' && shown
			);
		}
		return byRule;
	}

	it('the child: shared entries (third-party only with permission), a neutral note for confidential, their own', () => {
		const view = seen('child');
		expect(view['shared/fact/false']).toBe('full');
		expect(view['shared/third_party/true']).toBe('full');
		expect(view['shared/third_party/false']).toBe('hidden');
		expect(view['staff_only/fact/false']).toBe('hidden');
		expect(view['confidential/fact/false']).toBe('neutral');
		expect(view['just_me/fact/false']).toBe('full');
		expect(view['draft-by-key-worker']).toBe('hidden');
		expect(view['release']).toBe('hidden');
	});

	it('the advocate: never staff-only or confidential content, nor "just me"', () => {
		const view = seen('advocate');
		expect(view['shared/opinion/false']).toBe('full');
		expect(view['shared/third_party/false']).toBe('hidden');
		expect(view['staff_only/fact/true']).toBe('hidden');
		expect(view['confidential/decision/false']).toBe('neutral');
		expect(view['just_me/fact/false']).toBe('hidden');
		expect(view['workers/fact/false']).toBe('hidden');
		expect(view['advocate/fact/false']).toBe('full');
		expect(view['record/fact/false']).toBe('full');
		expect(view['release']).toBe('hidden');
	});

	it('the advocate, after the child stops sharing their record: only what she shares item by item', () => {
		db.update(childProfile)
			.set({ advocateSeesRecord: false })
			.where(eq(childProfile.id, childId))
			.run();
		try {
			const view = seen('advocate');
			expect(view['shared/opinion/false']).toBe('hidden');
			expect(view['shared/third_party/true']).toBe('hidden');
			expect(view['confidential/decision/false']).toBe('hidden');
			expect(view['advocate/fact/false']).toBe('full');
			expect(view['record/fact/false']).toBe('full');
			// Her own view of her record, and her workers', are not touched by the choice.
			expect(seen('child')['shared/opinion/false']).toBe('full');
			expect(seen('keyWorker')['shared/opinion/false']).toBe('full');
		} finally {
			db.update(childProfile)
				.set({ advocateSeesRecord: true })
				.where(eq(childProfile.id, childId))
				.run();
		}
	});

	it("case workers and the manager: everything but the child's private notes and others' drafts", () => {
		for (const who of ['keyWorker', 'socialWorker', 'manager'] as const) {
			const view = seen(who);
			expect(view['staff_only/third_party/false'], who).toBe('full');
			expect(view['confidential/fact/false'], who).toBe('full');
			expect(view['just_me/fact/false'], who).toBe('hidden');
			expect(view['workers/fact/false'], who).toBe('full');
			expect(view['release'], who).toBe('full');
		}
		expect(seen('keyWorker')['draft-by-key-worker']).toBe('full');
		expect(seen('socialWorker')['draft-by-key-worker']).toBe('hidden');
	});

	it('the administrator and another child: nothing at all', () => {
		for (const who of ['admin', 'otherChild'] as const) {
			expect(
				Object.values(seen(who)).every((v) => v === 'hidden'),
				who
			).toBe(true);
		}
	});
});
