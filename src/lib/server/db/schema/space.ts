import { sqliteTable, text, integer, index, primaryKey } from 'drizzle-orm/sqlite-core';
import { childProfile } from './child';
import { user } from './user';
import { entry } from './entry';

export const meetingKinds = [
	'looked_after_review',
	'child_protection_conference',
	'pep_meeting',
	'pathway_plan_review',
	'other'
] as const;
export type MeetingKind = (typeof meetingKinds)[number];

/** A review or meeting staff schedule for a child, so the child can prepare their views. */
export const meeting = sqliteTable(
	'meeting',
	{
		id: text('id').primaryKey(),
		childId: text('child_id')
			.notNull()
			.references(() => childProfile.id),
		kind: text('kind', { enum: meetingKinds }).notNull(),
		/** For "other": what it is, in words. */
		title: text('title'),
		date: text('date').notNull(),
		time: text('time'),
		chairedBy: text('chaired_by').notNull(),
		createdByUserId: text('created_by_user_id')
			.notNull()
			.references(() => user.id),
		createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull(),
		cancelledAt: integer('cancelled_at', { mode: 'timestamp_ms' })
	},
	(table) => [index('meeting_child_idx').on(table.childId, table.date)]
);

export type Meeting = typeof meeting.$inferSelect;

/**
 * A photo or a voice recording belonging to an entry. The files (made by the server: the
 * uploaded bytes are never kept) live under DATA_DIR/media; once the entry is final, triggers
 * refuse any change, and the entry's hash covers each file's hash.
 */
export const media = sqliteTable(
	'media',
	{
		id: text('id').primaryKey(),
		childId: text('child_id')
			.notNull()
			.references(() => childProfile.id),
		entryId: text('entry_id')
			.notNull()
			.references(() => entry.id),
		kind: text('kind', { enum: ['photo', 'audio'] }).notNull(),
		mime: text('mime').notNull(),
		extension: text('extension').notNull(),
		width: integer('width'),
		height: integer('height'),
		size: integer('size').notNull(),
		sha256: text('sha256').notNull(),
		/** A photo's thumbnail, hashed too (null for recordings, and for photos from before). */
		thumbSha256: text('thumb_sha256'),
		caption: text('caption').notNull().default(''),
		uploadedByUserId: text('uploaded_by_user_id')
			.notNull()
			.references(() => user.id),
		createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull()
	},
	(table) => [index('media_entry_idx').on(table.entryId)]
);

export type Media = typeof media.$inferSelect;

/** What each member of staff has opened in their inbox. Not part of the record. */
export const inboxRead = sqliteTable(
	'inbox_read',
	{
		userId: text('user_id')
			.notNull()
			.references(() => user.id),
		entryId: text('entry_id')
			.notNull()
			.references(() => entry.id),
		readAt: integer('read_at', { mode: 'timestamp_ms' }).notNull()
	},
	(table) => [primaryKey({ columns: [table.userId, table.entryId] })]
);

/**
 * Where a care leaver (or a child in calm mode) stopped reading their record: the chapter they
 * last opened. One row a person, replaced as they go. Not part of the record.
 */
export const readingPlace = sqliteTable('reading_place', {
	userId: text('user_id')
		.primaryKey()
		.references(() => user.id),
	/** A year ('2014') or a place they lived (its key: see space/chapters.ts). */
	chapter: text('chapter').notNull(),
	updatedAt: integer('updated_at', { mode: 'timestamp_ms' }).notNull()
});
