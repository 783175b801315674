import { sqliteTable, text, integer, index, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { childProfile } from './child';
import { user, roles } from './user';

/** Everything added to a child's record. The child's own kinds arrive with the child's space. */
export const entryKinds = [
	'record_entry',
	'decision',
	'correction',
	'view',
	'life_event',
	'memory',
	'disagreement',
	'disagreement_response',
	'case_record_link',
	'consent',
	'safety_request',
	/** A manager's decision to move an item out of the confidential section. */
	'confidential_release',
	/** Staff answer a child's view after the review: "you said, we did". */
	'view_response'
] as const;
export type EntryKind = (typeof entryKinds)[number];

export const staffKinds = ['record_entry', 'decision', 'correction'] as const;

export const natures = ['fact', 'opinion', 'decision', 'third_party'] as const;
export type Nature = (typeof natures)[number];

export const staffVisibilities = ['shared', 'staff_only', 'confidential'] as const;
export const childVisibilities = ['just_me', 'workers', 'advocate', 'record'] as const;
export const visibilities = [...staffVisibilities, ...childVisibilities] as const;
export type Visibility = (typeof visibilities)[number];

export const precisions = ['day', 'month', 'year', 'about'] as const;
export type Precision = (typeof precisions)[number];

/** Who provided the information when it is not the author's own first-hand account. */
export const sourceKinds = ['first_hand', 'person', 'document', 'child_words', 'helped'] as const;
export type SourceKind = (typeof sourceKinds)[number];

export const feelings = [
	'happy',
	'calm',
	'proud',
	'unsure',
	'worried',
	'sad',
	'angry',
	'scared'
] as const;
export type Feeling = (typeof feelings)[number];

export const viewPrompts = ['goingWell', 'worries', 'want', 'whoThere', 'anythingElse'] as const;
export type ViewPrompt = (typeof viewPrompts)[number];

/**
 * What some kinds carry besides the common columns: a view's answers and feelings and the meeting
 * it is for; a life event's place and people; the media of any entry (with each file's hash, so
 * the chain covers the pictures and voices too); the view a "you said, we did" answers.
 */
export type EntryDetails = {
	meetingId?: string;
	answers?: Partial<Record<ViewPrompt, string>>;
	feelings?: Feeling[];
	place?: string;
	people?: string;
	/** "When I was 7": the child's age then, when they know that better than the year. */
	age?: number;
	media?: {
		id: string;
		kind: 'photo' | 'audio';
		sha256: string;
		thumbSha256?: string;
		caption: string;
	}[];
	respondsTo?: string;
	urgent?: 'talk' | 'unsafe';
	/** Who helped the child write it, when someone did (their name is in the source too). */
	helperId?: string;
	/** "I disagree": what is wrong, what happened instead, what the child wants; when received. */
	disagreement?: {
		wrong: string;
		happened: string;
		wants: DisagreementWant[];
		receivedOn: string;
	};
	/** A step in answering a disagreement, with who and when in the entry's provenance. */
	step?: DisagreementStep;
	/** A link into the formal case record. */
	caseLink?: { system: CaseSystem; reference: string; url: string | null; note: string };
};

export const disagreementWants = ['correct', 'addSide', 'explain'] as const;
export type DisagreementWant = (typeof disagreementWants)[number];
export const outcomes = ['corrected', 'side_added', 'not_changed'] as const;
export type Outcome = (typeof outcomes)[number];
export const caseSystems = ['mosaic', 'liquidlogic', 'eclipse', 'carefirst', 'other'] as const;
export type CaseSystem = (typeof caseSystems)[number];

export type DisagreementStep =
	| { kind: 'acknowledged' }
	| { kind: 'extended'; months: 1 | 2; reason: string }
	| { kind: 'decided'; outcome: Outcome; correctionId: string | null };

export type Translation = {
	locale: string;
	title: string;
	bodyDoc: unknown;
	bodyText: string;
	translatedBy: string;
	translatedByUserId: string;
};

/**
 * Append-only once final: triggers refuse UPDATE and DELETE of final rows, and every final row
 * is chained by hash to the one before it in the same child's record.
 */
export const entry = sqliteTable(
	'entry',
	{
		id: text('id').primaryKey(),
		childId: text('child_id')
			.notNull()
			.references(() => childProfile.id),
		kind: text('kind', { enum: entryKinds }).notNull(),
		status: text('status', { enum: ['draft', 'final'] }).notNull(),
		// Provenance, stored as it was at the time of writing.
		authorUserId: text('author_user_id')
			.notNull()
			.references(() => user.id),
		authorName: text('author_name').notNull(),
		authorPostTitle: text('author_post_title'),
		authorRole: text('author_role', { enum: roles }).notNull(),
		createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull(),
		updatedAt: integer('updated_at', { mode: 'timestamp_ms' }).notNull(),
		/** When it became part of the record (finalised), server UTC. */
		recordedAt: integer('recorded_at', { mode: 'timestamp_ms' }),
		/** When the thing happened: 'YYYY-MM-DD', 'YYYY-MM' or 'YYYY', with its precision. */
		eventDate: text('event_date').notNull(),
		eventPrecision: text('event_precision', { enum: precisions }).notNull(),
		/** How people say an approximate date: "summer 2016", "when I was 7". */
		eventLabel: text('event_label'),
		/** eventDate padded for sorting: earliest first. */
		eventSort: text('event_sort').notNull(),
		sourceKind: text('source_kind', { enum: sourceKinds }).notNull(),
		sourceName: text('source_name'),
		sourceRelationship: text('source_relationship'),
		nature: text('nature', { enum: natures }).notNull(),
		opinionReasons: text('opinion_reasons'),
		decisionBy: text('decision_by'),
		decisionBasis: text('decision_basis'),
		thirdPartyPermission: integer('third_party_permission', { mode: 'boolean' })
			.notNull()
			.default(false),
		visibility: text('visibility', { enum: visibilities }).notNull(),
		confidentialReason: text('confidential_reason'),
		isLate: integer('is_late', { mode: 'boolean' }).notNull().default(false),
		title: text('title').notNull(),
		/** The editor's document after sanitising, and its plain text. */
		bodyDoc: text('body_doc', { mode: 'json' }).notNull(),
		bodyText: text('body_text').notNull(),
		translations: text('translations', { mode: 'json' }).$type<Translation[]>().notNull(),
		/** A correction names the entry it supersedes, and why. */
		supersedesId: text('supersedes_id'),
		correctionReason: text('correction_reason'),
		/** Added with the child's own kinds; hashed only where it holds a value (see chain.ts). */
		details: text('details', { mode: 'json' }).$type<EntryDetails>(),
		/**
		 * A shared entry that is hard to read: the short note the reader sees first ("This part is
		 * about why you came into care"). Part of what is shared, so hashed like the rest (chain.ts).
		 */
		contentNote: text('content_note'),
		// The chain: position in this child's record, the previous entry's hash, this one's.
		seq: integer('seq'),
		prevHash: text('prev_hash'),
		hash: text('hash')
	},
	(table) => [
		// Covers the record's lists: who may see a row, the filters and the order are all in the
		// index, so a page is found without reading any entry's text.
		index('entry_child_order_idx').on(
			table.childId,
			table.status,
			table.eventSort,
			table.recordedAt,
			table.id,
			table.visibility,
			table.nature,
			table.thirdPartyPermission,
			table.kind,
			table.authorUserId
		),
		index('entry_author_idx').on(table.authorUserId, table.status),
		index('entry_supersedes_idx').on(table.supersedesId),
		uniqueIndex('entry_child_seq_unique').on(table.childId, table.seq)
	]
);

export type Entry = typeof entry.$inferSelect;

/** A signed note of every chain's head, so a chain recomputed from scratch is still caught. */
export const chainCheckpoint = sqliteTable('chain_checkpoint', {
	id: integer('id').primaryKey({ autoIncrement: true }),
	createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull(),
	/** JSON: { [childId]: { seq, hash } }, in canonical form. */
	heads: text('heads').notNull(),
	/** HMAC-SHA256 of `heads` with a key from the environment, never stored in the database. */
	mac: text('mac').notNull(),
	/** Version 2: the MAC also covers the access log's head and the previous checkpoint's MAC. */
	version: integer('version').notNull().default(1),
	/** The access log's head when signed: `<id>:<hash>`. */
	logHead: text('log_head'),
	/** The MAC of the checkpoint before this one: checkpoints form a chain of their own. */
	prevMac: text('prev_mac')
});

/**
 * What verify found wrong, kept until a later verify finds the record whole again: managers and
 * administrators see a warning on every page, and an affected record shows its staff the problem.
 */
export const integrityAlert = sqliteTable(
	'integrity_alert',
	{
		id: integer('id').primaryKey({ autoIncrement: true }),
		detectedAt: integer('detected_at', { mode: 'timestamp_ms' }).notNull(),
		/** chain, checkpoint, media, access-log or triggers. */
		kind: text('kind').notNull(),
		/** The record affected, when one is. */
		childId: text('child_id'),
		/** What failed, in words an operator can act on. */
		detail: text('detail').notNull(),
		resolvedAt: integer('resolved_at', { mode: 'timestamp_ms' })
	},
	(table) => [index('integrity_alert_open_idx').on(table.resolvedAt, table.childId)]
);
