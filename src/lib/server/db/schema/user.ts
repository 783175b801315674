import { sqliteTable, text, integer, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { organisation, unit } from './organisation';

export const roles = [
	'child',
	'care_leaver',
	'key_worker',
	'social_worker',
	'personal_adviser',
	'advocate',
	'manager',
	'admin'
] as const;
export type Role = (typeof roles)[number];

export const userStatuses = ['active', 'disabled'] as const;
export type UserStatus = (typeof userStatuses)[number];

export const user = sqliteTable(
	'user',
	{
		id: text('id').primaryKey(),
		organisationId: text('organisation_id')
			.notNull()
			.references(() => organisation.id),
		unitId: text('unit_id').references(() => unit.id),
		username: text('username').notNull(),
		displayName: text('display_name').notNull(),
		postTitle: text('post_title'),
		role: text('role', { enum: roles }).notNull(),
		status: text('status', { enum: userStatuses }).notNull().default('active'),
		passwordHash: text('password_hash'),
		mustChangePassword: integer('must_change_password', { mode: 'boolean' })
			.notNull()
			.default(false),
		/** AES-GCM sealed TOTP key; null until the person has enrolled. */
		totpKey: text('totp_key'),
		/** The last TOTP time step accepted, so that a code is never accepted twice. */
		totpLastStep: integer('totp_last_step'),
		locale: text('locale'),
		/** Who made the account (null for the first administrator and demo accounts). */
		createdBy: text('created_by'),
		/**
		 * Children: the passphrase in force before the last one-time code. Typing it proves that the
		 * person who used the code is the child (see sealedUntil).
		 */
		previousPasswordHash: text('previous_password_hash'),
		/**
		 * Children: after a sign-in with a one-time code, their "just me" things stay hidden until
		 * this time, or until they type their old passphrase. Null: nothing is hidden.
		 */
		privateSealedUntil: integer('private_sealed_until', { mode: 'timestamp_ms' }),
		/**
		 * Children and care leavers: calm mode (content notes first, reading by chapters, "take a
		 * break" near). Null: the default for their role (on for a care leaver, off for a child).
		 */
		calmMode: integer('calm_mode', { mode: 'boolean' }),
		createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull(),
		updatedAt: integer('updated_at', { mode: 'timestamp_ms' }).notNull()
	},
	(table) => [uniqueIndex('user_username_unique').on(table.username)]
);

export type User = typeof user.$inferSelect;
