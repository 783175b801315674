import type { ChainProblem } from './verify';

const what: Record<ChainProblem['problem'], string> = {
	changed: 'its content no longer matches its keyed hash (it was changed, or made without the key)',
	'broken-link':
		'it does not link to the entry before it (something before it was changed, removed or reordered)',
	missing: 'this place in the chain is empty or no longer final (an entry was removed or altered)',
	unexpected: 'it should not be here (inserted, moved or reordered)',
	checkpoint: 'it differs from the signed checkpoint (the chain was rewritten)',
	'forged-checkpoint': 'does not carry a valid signature (forged or altered)',
	'checkpoint-chain':
		'does not follow the checkpoint before it (a checkpoint was removed or inserted)',
	'checkpoint-missing':
		'is in the copy kept outside the database but not in the database (checkpoints were deleted or rolled back)',
	'log-changed':
		'does not match its keyed hash or the row before it (the log was changed or rows removed)',
	'log-missing': 'was signed in a checkpoint but is gone (rows were cut off the end of the log)',
	'media-changed': 'a photo or recording on disk no longer matches the hash its entry holds',
	'media-missing': 'a photo or recording its entry holds is no longer on disk or in the database'
};

/** One line for an administrator: which child, which entry, what is wrong. */
export function describeProblem(p: ChainProblem): string {
	switch (p.problem) {
		case 'forged-checkpoint':
		case 'checkpoint-chain':
		case 'checkpoint-missing':
			return `checkpoint #${p.seq}: ${what[p.problem]}`;
		case 'log-changed':
		case 'log-missing':
			return `access log row #${p.seq}: ${what[p.problem]}`;
		default: {
			const entry = p.entryId ? `entry ${p.entryId}` : 'an entry that is no longer there';
			return `child ${p.childId}, entry #${p.seq} (${entry}): ${what[p.problem]}`;
		}
	}
}

/** Which part of the stored history a problem is in. */
export function areaOf(p: ChainProblem): 'chain' | 'checkpoint' | 'access-log' | 'media' {
	if (p.problem.startsWith('log-')) return 'access-log';
	if (p.problem.startsWith('media-')) return 'media';
	if (p.problem.includes('checkpoint')) return 'checkpoint';
	return 'chain';
}
