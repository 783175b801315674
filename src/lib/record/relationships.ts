/**
 * Who told us, in words every reader's language has: the relationships staff choose from when
 * someone else gave the information. The record keeps the word's key ("mother"), and each page
 * says it in its reader's language ("your mother", "والدتك", "dy fam"). Anything else staff write
 * in their own words is kept and shown as they wrote it.
 */
export const sourceRelationships = [
	'mother',
	'father',
	'step_mother',
	'step_father',
	'grandmother',
	'grandfather',
	'brother',
	'sister',
	'aunt',
	'uncle',
	'relative',
	'foster_carer',
	'teacher',
	'doctor',
	'police_officer',
	'social_worker',
	'friend'
] as const;

export type SourceRelationship = (typeof sourceRelationships)[number];

export function isSourceRelationship(value: unknown): value is SourceRelationship {
	return (sourceRelationships as readonly unknown[]).includes(value);
}
