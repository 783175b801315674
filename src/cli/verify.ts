import { openDatabase } from '../lib/server/db';
import { checkpointLogPath, databasePath } from '../lib/server/config';
import { verifyAndCheckpoint } from '../lib/server/record/verify';
import { describeProblem } from '../lib/server/record/report';

// npm run verify: check every child's chain, the checkpoints and their copy outside the database,
// the access log and every photo and recording; sign a new checkpoint only when all is whole.
const db = openDatabase(databasePath());
const result = verifyAndCheckpoint(db);
db.$client.close();
if (result.ok) {
	console.log(
		`All ${result.children} records are whole: ${result.entries} final entries, ${result.logRows} access-log rows and ${result.mediaFiles} photo and recording files checked. A new checkpoint is signed, and copied to ${checkpointLogPath()}.`
	);
} else {
	console.error(`BROKEN: ${describeProblem(result.problems[0]!)}`);
	for (const problem of result.problems.slice(1))
		console.error(`  also: ${describeProblem(problem)}`);
	console.error(
		'No checkpoint was signed. Managers and administrators see a warning until a check passes.'
	);
	process.exit(1);
}
