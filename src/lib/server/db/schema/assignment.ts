import { sqliteTable, text, integer, index } from 'drizzle-orm/sqlite-core';
import { user } from './user';
import { childProfile } from './child';

export const relationships = [
	'key_worker',
	'social_worker',
	'personal_adviser',
	'advocate'
] as const;
export type Relationship = (typeof relationships)[number];

/** A worker or advocate allocated to a child. Access follows current assignments only. */
export const assignment = sqliteTable(
	'assignment',
	{
		id: text('id').primaryKey(),
		userId: text('user_id')
			.notNull()
			.references(() => user.id),
		childId: text('child_id')
			.notNull()
			.references(() => childProfile.id),
		relationship: text('relationship', { enum: relationships }).notNull(),
		startsAt: integer('starts_at', { mode: 'timestamp_ms' }).notNull(),
		endsAt: integer('ends_at', { mode: 'timestamp_ms' }),
		createdBy: text('created_by')
			.notNull()
			.references(() => user.id),
		createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull(),
		/**
		 * Made by a manager whose account is new (an administrator could have made it for themselves):
		 * it gives no access until another manager of the child's home or team approves it.
		 */
		awaitingApproval: integer('awaiting_approval', { mode: 'boolean' }).notNull().default(false),
		approvedBy: text('approved_by').references(() => user.id),
		approvedAt: integer('approved_at', { mode: 'timestamp_ms' })
	},
	(table) => [
		index('assignment_user_idx').on(table.userId),
		index('assignment_child_idx').on(table.childId)
	]
);

export type Assignment = typeof assignment.$inferSelect;
