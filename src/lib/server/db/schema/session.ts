import { sqliteTable, text, integer, blob, index } from 'drizzle-orm/sqlite-core';
import { user } from './user';

export const session = sqliteTable(
	'session',
	{
		id: text('id').primaryKey(),
		/** SHA-256 of the session secret; the secret itself is never stored. */
		secretHash: blob('secret_hash', { mode: 'buffer' }).notNull(),
		userId: text('user_id')
			.notNull()
			.references(() => user.id),
		createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull(),
		lastSeenAt: integer('last_seen_at', { mode: 'timestamp_ms' }).notNull(),
		twoFactorVerified: integer('two_factor_verified', { mode: 'boolean' }).notNull(),
		/** Signed in with a one-time code: the person is offered a new passphrase. */
		viaSignInCode: integer('via_sign_in_code', { mode: 'boolean' }).notNull().default(false)
	},
	(table) => [index('session_user_idx').on(table.userId)]
);

export type Session = typeof session.$inferSelect;

/** A one-time sign-in code for a child, made by a worker: ten minutes, once. */
export const signInCode = sqliteTable(
	'sign_in_code',
	{
		id: text('id').primaryKey(),
		userId: text('user_id')
			.notNull()
			.references(() => user.id),
		codeHash: text('code_hash').notNull(),
		createdBy: text('created_by')
			.notNull()
			.references(() => user.id),
		createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull(),
		expiresAt: integer('expires_at', { mode: 'timestamp_ms' }).notNull(),
		usedAt: integer('used_at', { mode: 'timestamp_ms' })
	},
	(table) => [index('sign_in_code_user_idx').on(table.userId)]
);

/** Sign-in attempts per account and per address, so throttling survives a restart. */
export const signInAttempt = sqliteTable(
	'sign_in_attempt',
	{
		id: integer('id').primaryKey({ autoIncrement: true }),
		key: text('key').notNull(),
		at: integer('at', { mode: 'timestamp_ms' }).notNull(),
		succeeded: integer('succeeded', { mode: 'boolean' }).notNull()
	},
	(table) => [index('sign_in_attempt_key_at_idx').on(table.key, table.at)]
);
