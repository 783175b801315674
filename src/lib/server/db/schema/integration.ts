import { sqliteTable, text, integer, index } from 'drizzle-orm/sqlite-core';
import { organisation } from './organisation';
import { user } from './user';

/**
 * A token a case system uses to pull the items children put in their record. It belongs to the
 * organisation, not to the administrator who made it; only its SHA-256 is stored.
 */
export const integrationToken = sqliteTable(
	'integration_token',
	{
		id: text('id').primaryKey(),
		organisationId: text('organisation_id')
			.notNull()
			.references(() => organisation.id),
		name: text('name').notNull(),
		/** SHA-256 of the token, hex; the token itself is shown once and never stored. */
		tokenHash: text('token_hash').notNull().unique(),
		createdByUserId: text('created_by_user_id')
			.notNull()
			.references(() => user.id),
		createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull(),
		revokedAt: integer('revoked_at', { mode: 'timestamp_ms' }),
		/** A token ends: a year after it is made unless the administrator chose otherwise. */
		expiresAt: integer('expires_at', { mode: 'timestamp_ms' }),
		lastUsedAt: integer('last_used_at', { mode: 'timestamp_ms' })
	},
	(table) => [index('integration_token_organisation_idx').on(table.organisationId)]
);

export type IntegrationToken = typeof integrationToken.$inferSelect;
