import type { Role } from '../db/schema';

export const childRoles: readonly Role[] = ['child', 'care_leaver'];
export const workerRoles: readonly Role[] = ['key_worker', 'social_worker', 'advocate'];
export const staffRoles: readonly Role[] = [
	'key_worker',
	'social_worker',
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
