import type { TFunction } from 'i18next';
import { isSourceRelationship } from './relationships';

/** The language staff write the record in, and type post titles in. */
export const recordLocale = 'en-GB';

/**
 * What a child reads after a worker's name. A reader of the record's own language gets the post
 * title as the organisation wrote it ("Residential key worker"); any other reader gets the role
 * in their own language ("مشرف رئيسي"), since a typed post title has no translation.
 */
export function postForChild(
	t: TFunction,
	locale: string,
	person: { postTitle: string | null; role: string }
): string {
	return locale === recordLocale && person.postTitle ? person.postTitle : t(`roles.${person.role}`);
}

/**
 * Who told us, as `record.<audience>.sourcePerson` says it: a relationship from the list in the
 * reader's words ("your mother" for the child, "mother" for staff), anything else as typed.
 */
export function relationshipIn(
	t: TFunction,
	audience: 'child' | 'staff',
	relationship: string
): string {
	return isSourceRelationship(relationship)
		? t(`record.${audience}.relationship.${relationship}`)
		: relationship;
}
