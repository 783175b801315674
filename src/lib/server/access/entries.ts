import { and, eq, gte, inArray, ne, notInArray, or, sql, type SQL } from 'drizzle-orm';
import { entry, visibilities, type Entry, type Visibility } from '../db/schema';
import { placeholderFor } from '../db/prepared';
import type { Actor } from './actor';
import { managesChild, type ChildRelation } from './relation';
import { caseWorkerRelationships, isChildRole } from './roles';
import { isSealed, unsealedScope } from './seal';

/**
 * Who sees which entries of a record they may open. 'full': everything; 'neutral': only that a
 * confidential item was lodged, and when; 'hidden': nothing. The same rules as a query condition
 * (entryScope) so that lists are filtered in SQL; a test holds the two to each other. Under a
 * private seal (see seal.ts) the account's "just me" things and own drafts are hidden too.
 */
export type EntryView = 'full' | 'neutral' | 'hidden';

type Reader = 'staff' | 'child' | 'advocate' | 'none';

export function readerOf(actor: Actor, relation: ChildRelation): Reader {
	if (isChildRole(actor.role)) return relation.own ? 'child' : 'none';
	if (actor.role === 'manager') return managesChild(actor, relation) ? 'staff' : 'none';
	if (actor.role === 'admin') return 'none';
	if (relation.assignedAs.some((a) => caseWorkerRelationships.includes(a))) return 'staff';
	return relation.assignedAs.includes('advocate') ? 'advocate' : 'none';
}

/** Visibilities each reader sees in full (besides shared entries, which depend on their nature). */
const fullyVisible: Record<Reader, readonly Visibility[]> = {
	staff: ['shared', 'staff_only', 'confidential', 'workers', 'advocate', 'record'],
	child: ['just_me', 'workers', 'advocate', 'record'],
	advocate: ['advocate', 'record'],
	none: []
};

/**
 * What staff share with the child (and the note that something confidential was lodged) reaches
 * their advocate only while the child lets it: by default they do, and they can stop (DESIGN:
 * the advocate sees only what the child shares with them). What the child shares item by item
 * ("my advocate too", "put in my record") reaches the advocate either way.
 */
function readsSharedRecord(reader: Reader, relation: ChildRelation): boolean {
	return reader !== 'advocate' || relation.child.advocateSeesRecord;
}

/** An advocate whose child has chosen to keep what staff share with them from their advocate. */
export function recordWithheldFrom(actor: Actor, relation: ChildRelation): boolean {
	return !readsSharedRecord(readerOf(actor, relation), relation);
}

/**
 * The staff visibilities worth offering this reader as a filter of the record: only those that
 * can show them something in full.
 */
export function filterableVisibilities(
	actor: Actor,
	relation: ChildRelation
): ('shared' | 'staff_only' | 'confidential')[] {
	const reader = readerOf(actor, relation);
	if (reader === 'staff') return ['shared', 'staff_only', 'confidential'];
	return readsSharedRecord(reader, relation) ? ['shared'] : [];
}

/** Third-party information reaches the child (and their advocate) only with recorded permission. */
function shareable(e: Pick<Entry, 'nature' | 'thirdPartyPermission'>): boolean {
	return e.nature !== 'third_party' || e.thirdPartyPermission;
}

type Viewed = Pick<
	Entry,
	| 'kind'
	| 'status'
	| 'authorUserId'
	| 'visibility'
	| 'nature'
	| 'thirdPartyPermission'
	| 'createdAt'
>;

/**
 * `releasedTo`: where a manager moved a confidential item, if they did. Moved to "shared", it is
 * read like any shared entry; moved to "staff only", the child keeps the note that it was lodged.
 */
export function entryView(
	actor: Actor,
	relation: ChildRelation,
	e: Viewed,
	releasedTo: Visibility | null = null
): EntryView {
	const reader = readerOf(actor, relation);
	if (reader === 'none') return 'hidden';
	if (isSealed(actor.privateSeal, actor.id, e)) return 'hidden';
	if (e.status === 'draft') return e.authorUserId === actor.id ? 'full' : 'hidden';
	// The manager's decision holds the originator's view: staff matter, whatever it released.
	// Never a child's "just me" (a release is only ever written shared or staff only): as entryScope.
	if (e.kind === 'confidential_release') {
		return reader === 'staff' && fullyVisible.staff.includes(e.visibility) ? 'full' : 'hidden';
	}
	if (e.visibility === 'confidential' && releasedTo && releasedTo !== 'confidential') {
		const after = entryView(actor, relation, { ...e, visibility: releasedTo });
		return after === 'hidden' ? 'neutral' : after;
	}
	if (fullyVisible[reader].includes(e.visibility)) return 'full';
	if (!readsSharedRecord(reader, relation)) return 'hidden';
	if (e.visibility === 'shared') return shareable(e) ? 'full' : 'hidden';
	if (e.visibility === 'confidential') return 'neutral';
	return 'hidden';
}

/**
 * The same decision as entryView, as a condition on the entry table. A released confidential item
 * stays in scope (as a note or in full); which of the two is entryView's to say.
 */
export function entryScope(actor: Actor, relation: ChildRelation): SQL {
	const reader = readerOf(actor, relation);
	const ownDrafts = and(eq(entry.status, 'draft'), eq(entry.authorUserId, actor.id))!;
	if (reader === 'none') return and(eq(entry.childId, relation.child.id), eq(entry.id, ''))!;
	const finals: (SQL | undefined)[] = [inArray(entry.visibility, [...fullyVisible[reader]])];
	if (reader !== 'staff' && readsSharedRecord(reader, relation)) {
		finals.push(
			and(
				eq(entry.visibility, 'shared'),
				or(ne(entry.nature, 'third_party'), eq(entry.thirdPartyPermission, true))
			),
			eq(entry.visibility, 'confidential')
		);
	}
	const finalOnes =
		reader === 'staff'
			? and(eq(entry.status, 'final'), or(...finals))
			: and(eq(entry.status, 'final'), ne(entry.kind, 'confidential_release'), or(...finals));
	return and(
		eq(entry.childId, relation.child.id),
		or(ownDrafts, finalOnes),
		unsealedScope(actor.privateSeal, actor.id)
	)!;
}

/** Which prepared form of a list's scope a reader uses: their kind, and any seal. */
/** The prepared scope's readers: an advocate whose child keeps their record from them is one more. */
type ScopeReader = Reader | 'advocate-only';
export type ScopeShape = `${ScopeReader}${'' | '+sealed'}`;

/** The values a prepared scope takes: `scopeChild`, `scopeReader` and, under a seal, its start. */
export type ScopeValues = { scopeChild: string; scopeReader: string; scopeSealedFrom?: Date };

function shapeParts(shape: ScopeShape): [ScopeReader, boolean] {
	const [reader, sealed] = shape.split('+') as [ScopeReader, string | undefined];
	return [reader, sealed !== undefined];
}

const scopeChild = () => eq(entry.childId, sql.placeholder('scopeChild'));
const sealedFrom = () => placeholderFor(entry.createdAt, 'scopeSealedFrom');

/**
 * entryScope for lists of final entries, as the same SQL for every reader of one kind, so that a
 * list's statement is prepared once (db/prepared.ts) and each request only fills in the values
 * (scopeOf). With no drafts to find, it has no "own drafts" branch, and it names the visibilities
 * a reader does not see where they are fewer (SQLite checks this on every entry of a record).
 * A test holds it to entryView like entryScope.
 */
export function finalEntryScope(shape: ScopeShape): SQL {
	const [reader, sealed] = shapeParts(shape);
	if (reader === 'none') return and(scopeChild(), eq(entry.id, ''))!;
	// Only what the child shares with the advocate item by item: no shared entries, no notes.
	if (reader === 'advocate-only') {
		return and(
			scopeChild(),
			eq(entry.status, 'final'),
			inArray(entry.visibility, [...fullyVisible.advocate]),
			ne(entry.kind, 'confidential_release')
		)!;
	}
	// Shared entries depend on their nature, and confidential ones leave a note, for all but staff.
	const seen = new Set<Visibility>(
		reader === 'staff' ? fullyVisible.staff : [...fullyVisible[reader], 'shared', 'confidential']
	);
	const unseen = visibilities.filter((v) => !seen.has(v));
	return and(
		scopeChild(),
		eq(entry.status, 'final'),
		unseen.length ? notInArray(entry.visibility, unseen) : undefined,
		reader === 'staff' ? undefined : ne(entry.kind, 'confidential_release'),
		reader === 'staff'
			? undefined
			: or(
					ne(entry.visibility, 'shared'),
					ne(entry.nature, 'third_party'),
					eq(entry.thirdPartyPermission, true)
				),
		// The seal hides only "just me" entries among final ones (seal.ts).
		sealed ? or(gte(entry.createdAt, sealedFrom()), ne(entry.visibility, 'just_me')) : undefined
	)!;
}

/** The same for the reader's own drafts in the record (under a seal, only those made since). */
export function ownDraftScope(shape: ScopeShape): SQL {
	const [reader, sealed] = shapeParts(shape);
	return and(
		scopeChild(),
		reader === 'none' ? eq(entry.id, '') : undefined,
		eq(entry.status, 'draft'),
		eq(entry.authorUserId, sql.placeholder('scopeReader')),
		sealed ? gte(entry.createdAt, sealedFrom()) : undefined
	)!;
}

/** The shape of the prepared scopes for this reader of this record, and the values they take. */
export function scopeOf(
	actor: Actor,
	relation: ChildRelation
): { shape: ScopeShape; values: ScopeValues } {
	const read = readerOf(actor, relation);
	const reader: ScopeReader = readsSharedRecord(read, relation) ? read : 'advocate-only';
	const values = { scopeChild: relation.child.id, scopeReader: actor.id };
	const seal = actor.privateSeal;
	return seal
		? { shape: `${reader}+sealed`, values: { ...values, scopeSealedFrom: seal.since } }
		: { shape: reader, values };
}
