export * from './actor';
export * from './policy';
export * from './scope';
export { isChildRole, isStaffRole } from './roles';
export type { ChildRelation, AccountRelation } from './relation';
export { entryScope, entryView, readerOf, type EntryView } from './entries';
export { privateSealDuration, sealAt, type PrivateSeal } from './seal';
export { assignmentNeedsApproval, isNewAccount } from './duties';
