import type { Relationship, Role } from '../db/schema';

export const childRoles: readonly Role[] = ['child', 'care_leaver'];
export const workerRoles: readonly Role[] = [
	'key_worker',
	'social_worker',
	'personal_adviser',
	'advocate'
];
/**
 * Those who write a child's record and help them as a key worker does: a personal adviser (who
 * supports a care leaver up to 25) is one, for the people they are assigned to only.
 */
export const caseWorkerRelationships: readonly Relationship[] = [
	'key_worker',
	'social_worker',
	'personal_adviser'
];
export const staffRoles: readonly Role[] = [
	'key_worker',
	'social_worker',
	'personal_adviser',
	'advocate',
	'manager',
	'admin'
];

export function isChildRole(role: Role): boolean {
	return childRoles.includes(role);
}

/** Everyone who is not a child or care leaver uses a second factor. */
export function isStaffRole(role: Role): boolean {
	return staffRoles.includes(role);
}
