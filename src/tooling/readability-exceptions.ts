/**
 * Child-facing messages allowed above grade 6, each with its reason. Keep this list short: a
 * message that can be said more simply should be. (Labels under five words are not scored at all:
 * see `shortestScored` in readability-report.ts.)
 */
export const readabilityExceptions: Record<string, string> = {
	'disagree.child.ico':
		"The regulator's exact name, web address and phone number: a child must be able to find them.",
	'glossary.terms.safeguarding.explanation':
		'It must use the word it explains; "safeguarding" alone is four syllables.'
};
