import type { ChainProblem } from './verify';

const what: Record<ChainProblem['problem'], string> = {
	changed: 'its content no longer matches its hash (it was changed)',
	'broken-link':
		'it does not link to the entry before it (something before it was changed, removed or reordered)',
	missing: 'this place in the chain is empty or no longer final (an entry was removed or altered)',
	unexpected: 'it should not be here (inserted, moved or reordered)',
	checkpoint: 'it differs from the signed checkpoint (the chain was rewritten)',
	'forged-checkpoint': 'the latest checkpoint does not carry a valid signature'
};

/** One line for an administrator: which child, which entry, what is wrong. */
export function describeProblem(p: ChainProblem): string {
	if (p.problem === 'forged-checkpoint') return `checkpoint: ${what[p.problem]}`;
	const entry = p.entryId ? `entry ${p.entryId}` : 'an entry that is no longer there';
	return `child ${p.childId}, entry #${p.seq} (${entry}): ${what[p.problem]}`;
}
