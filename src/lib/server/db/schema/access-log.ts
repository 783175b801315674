import { sqliteTable, text, integer, index } from 'drizzle-orm/sqlite-core';
import { roles } from './user';

/** Append-only: triggers in the migrations refuse UPDATE and DELETE. */
export const accessLog = sqliteTable(
	'access_log',
	{
		id: integer('id').primaryKey({ autoIncrement: true }),
		at: integer('at', { mode: 'timestamp_ms' }).notNull(),
		actorUserId: text('actor_user_id'),
		actorRole: text('actor_role', { enum: roles }),
		/** The actor's name and post title at the time, so the log reads true later. */
		actorName: text('actor_name'),
		actorPostTitle: text('actor_post_title'),
		action: text('action').notNull(),
		childId: text('child_id'),
		subjectUserId: text('subject_user_id'),
		address: text('address'),
		/**
		 * The log is chained like the record: each row's keyed hash covers its columns and the row
		 * before it, so a deleted or changed row is found by verify. Rows from before the chain are null.
		 */
		prevHash: text('prev_hash'),
		hash: text('hash')
	},
	(table) => [index('access_log_child_idx').on(table.childId, table.at)]
);

export type AccessLogRow = typeof accessLog.$inferSelect;
