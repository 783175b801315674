import { sqliteTable, text, integer } from 'drizzle-orm/sqlite-core';

export const organisation = sqliteTable('organisation', {
	id: text('id').primaryKey(),
	name: text('name').notNull(),
	createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull()
});

export const unitKinds = ['home', 'team'] as const;
export type UnitKind = (typeof unitKinds)[number];

/** A children's home or a social work team: managers see the children of theirs. */
export const unit = sqliteTable('unit', {
	id: text('id').primaryKey(),
	organisationId: text('organisation_id')
		.notNull()
		.references(() => organisation.id),
	kind: text('kind', { enum: unitKinds }).notNull(),
	name: text('name').notNull(),
	createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull()
});

export type Organisation = typeof organisation.$inferSelect;
export type Unit = typeof unit.$inferSelect;
