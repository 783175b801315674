export * from './actor';
export * from './policy';
export * from './checked';
export * from './permissions';
export * from './scope';
export { isChildRole, isStaffRole } from './roles';
export type { ChildRelation, AccountRelation } from './relation';
export {
	entryScope,
	entryView,
	filterableVisibilities,
	finalEntryScope,
	ownDraftScope,
	readerOf,
	recordWithheldFrom,
	scopeOf,
	type EntryView,
	type ScopeShape,
	type ScopeValues
} from './entries';
export { privateSealDuration, sealAt, type PrivateSeal } from './seal';
export { assignmentNeedsApproval, isNewAccount } from './duties';
export { fullViewScope } from './full';
export {
	disagreementsAbout,
	disputableKinds,
	mayDispute,
	seesDisagreement,
	disagreementScope
} from './disputes';
export {
	contributionKinds,
	isLinkable,
	linkableScope,
	mayLink,
	linkScope,
	caseSystemScope
} from './links';
export {
	inConfidentialReview,
	confidentialReviewScope,
	visibilityNow,
	visibilityNowScope
} from './confidential';
export { mayMarkRead } from './inbox';
export {
	childOwnedFields,
	consentRequestScope,
	profileChangeScope,
	seesConsentRequest,
	seesProfileChange,
	type ChildOwnedField
} from './identity';
