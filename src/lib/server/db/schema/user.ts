import { sqliteTable, text, integer, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { organisation, unit } from './organisation';

export const roles = [
	'child',
	'care_leaver',
	'key_worker',
	'social_worker',
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
		createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull(),
		updatedAt: integer('updated_at', { mode: 'timestamp_ms' }).notNull()
	},
	(table) => [uniqueIndex('user_username_unique').on(table.username)]
);

export type User = typeof user.$inferSelect;
