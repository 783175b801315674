import { sqliteTable, text, integer, index } from 'drizzle-orm/sqlite-core';
import { childProfile } from './child';
import { user, roles } from './user';

/** What a child's information may be shared for: the usual ones, or another in words. */
export const consentPurposes = ['school', 'health', 'council', 'court', 'other'] as const;
export type ConsentPurpose = (typeof consentPurposes)[number];

export const consentAnswers = ['agreed', 'declined', 'cannot_ask'] as const;
export type ConsentAnswer = (typeof consentAnswers)[number];

/**
 * The child's answer when asked whether information about them may be shared for a purpose.
 * Append-only (triggers in drizzle/): a changed answer is a new row; the newest per purpose is the
 * answer now, and the rest is its history.
 */
export const consentRecord = sqliteTable(
	'consent_record',
	{
		id: text('id').primaryKey(),
		childId: text('child_id')
			.notNull()
			.references(() => childProfile.id),
		purpose: text('purpose', { enum: consentPurposes }).notNull(),
		/** For "other": the purpose in words. */
		purposeOther: text('purpose_other'),
		answer: text('answer', { enum: consentAnswers }).notNull(),
		/** For "cannot be asked": why. */
		reason: text('reason'),
		/** Who asked the child, in words ("Sam Patel, key worker"), and the day they asked. */
		askedBy: text('asked_by').notNull(),
		askedOn: text('asked_on').notNull(),
		recordedByUserId: text('recorded_by_user_id')
			.notNull()
			.references(() => user.id),
		recordedByName: text('recorded_by_name').notNull(),
		recordedAt: integer('recorded_at', { mode: 'timestamp_ms' }).notNull()
	},
	(table) => [index('consent_record_child_idx').on(table.childId, table.recordedAt)]
);
export type ConsentRecord = typeof consentRecord.$inferSelect;

/**
 * The child asks for one of their answers to be changed. Append-only too: a request is open until
 * an answer for its purpose is recorded after it.
 */
export const consentChangeRequest = sqliteTable(
	'consent_change_request',
	{
		id: text('id').primaryKey(),
		childId: text('child_id')
			.notNull()
			.references(() => childProfile.id),
		/** The answer the child wants changed. */
		consentRecordId: text('consent_record_id')
			.notNull()
			.references(() => consentRecord.id),
		/** What the child said, in their words (may be empty). */
		message: text('message'),
		requestedByUserId: text('requested_by_user_id')
			.notNull()
			.references(() => user.id),
		requestedAt: integer('requested_at', { mode: 'timestamp_ms' }).notNull()
	},
	(table) => [index('consent_change_request_child_idx').on(table.childId, table.requestedAt)]
);
export type ConsentChangeRequest = typeof consentChangeRequest.$inferSelect;

/**
 * Every change of how a child is described (their own words, or the profile staff keep): which
 * field, what it was and what it became, who changed it and when. Append-only.
 */
export const profileChange = sqliteTable(
	'profile_change',
	{
		id: text('id').primaryKey(),
		childId: text('child_id')
			.notNull()
			.references(() => childProfile.id),
		field: text('field').notNull(),
		/** The values as text (lists as lines); null when empty. */
		before: text('before'),
		after: text('after'),
		changedByUserId: text('changed_by_user_id')
			.notNull()
			.references(() => user.id),
		changedByName: text('changed_by_name').notNull(),
		changedByRole: text('changed_by_role', { enum: roles }).notNull(),
		changedAt: integer('changed_at', { mode: 'timestamp_ms' }).notNull()
	},
	(table) => [index('profile_change_child_idx').on(table.childId, table.changedAt)]
);
export type ProfileChange = typeof profileChange.$inferSelect;
