/**
 * Which messages a child reads. The easy-read wording, the reading-age check and read-aloud work
 * from this one list. A key is child-facing when it starts with one of `childFacing` and with none
 * of `staffOnly`.
 */
export const childFacing = [
	'app.',
	'layout.',
	'nav.home',
	'nav.myStory',
	'nav.myViews',
	'nav.myRecord',
	'nav.myDisagreements',
	'nav.whoLooked',
	'nav.help',
	'nav.passphrase',
	'childHome.',
	'aboutMe.',
	'myConsent.',
	'myRecord.',
	'space.',
	'askHelp.',
	'help.',
	'whoLooked.',
	'codeUse.',
	'readAloud.',
	'easyRead.',
	'offline.',
	'signIn.',
	'signInSlip.',
	'passphrase.',
	'pagination.',
	'common.',
	'form.',
	'error.',
	'media.',
	'glossary.title',
	'glossary.intro',
	'glossary.terms.',
	'record.child.',
	'record.showOriginal',
	'record.translatedBy',
	'disagree.',
	'duties.yourWorkers.',
	'privacy.',
	'calm.',
	'chapters.'
];

export const staffOnly = [
	'space.staffCard.',
	'space.answer.',
	'disagree.staff.',
	'disagree.system.',
	'disagree.advocate.',
	// An entry only staff see (a confidential item moved out).
	'space.kind.confidential_release',
	// What staff see of a content note they wrote for the child.
	'calm.note.staff',
	// A glossary term's own name and spellings are the words being explained, not sentences.
	'.term',
	'.match'
];

export function isChildFacing(key: string): boolean {
	return (
		childFacing.some((prefix) => key.startsWith(prefix)) &&
		!staffOnly.some((part) => (part.startsWith('.') ? key.endsWith(part) : key.startsWith(part)))
	);
}
