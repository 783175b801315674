import { sqliteTable, text, integer, index } from 'drizzle-orm/sqlite-core';
import { organisation, unit } from './organisation';
import { user } from './user';

/** The identity fields a child's record must hold (Schedule 3, Children's Homes Regulations 2015). */
export const childProfile = sqliteTable(
	'child_profile',
	{
		id: text('id').primaryKey(),
		organisationId: text('organisation_id')
			.notNull()
			.references(() => organisation.id),
		/** The child's or care leaver's own account, when they have one. */
		userId: text('user_id')
			.unique()
			.references(() => user.id),
		homeId: text('home_id').references(() => unit.id),
		teamId: text('team_id').references(() => unit.id),
		legalName: text('legal_name').notNull(),
		/** JSON array of names the child was known by before (not names before adoption). */
		previousNames: text('previous_names', { mode: 'json' }).$type<string[]>().notNull(),
		preferredName: text('preferred_name').notNull(),
		dateOfBirth: text('date_of_birth'),
		sex: text('sex'),
		genderInOwnWords: text('gender_in_own_words'),
		pronouns: text('pronouns'),
		religion: text('religion'),
		ethnicityInOwnWords: text('ethnicity_in_own_words'),
		/** JSON array of languages the child uses. */
		languages: text('languages', { mode: 'json' }).$type<string[]>().notNull(),
		preferredLanguage: text('preferred_language'),
		communicationNeeds: text('communication_needs'),
		disabilities: text('disabilities'),
		caseSystemPersonId: text('case_system_person_id'),
		/** "About me", in the child's own words: theirs to write and change (children/identity.ts). */
		ownCulture: text('own_culture'),
		ownReligion: text('own_religion'),
		ownLanguages: text('own_languages'),
		ownAboutMe: text('own_about_me'),
		/**
		 * The child's choice: their advocate reads the record staff share with them (the default),
		 * or only the things the child shares with the advocate one by one.
		 */
		advocateSeesRecord: integer('advocate_sees_record', { mode: 'boolean' })
			.notNull()
			.default(true),
		/** The day they became a care leaver ('YYYY-MM-DD'): at 18, or on leaving care. */
		leftCareOn: text('left_care_on'),
		createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull(),
		updatedAt: integer('updated_at', { mode: 'timestamp_ms' }).notNull()
	},
	(table) => [index('child_home_idx').on(table.homeId), index('child_team_idx').on(table.teamId)]
);

export type ChildProfile = typeof childProfile.$inferSelect;
