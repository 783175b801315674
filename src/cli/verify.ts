import { openDatabase } from '../lib/server/db';
import { databasePath } from '../lib/server/config';
import { verifyAndCheckpoint } from '../lib/server/record/verify';
import { describeProblem } from '../lib/server/record/report';

// npm run verify: check every child's chain and the last signed checkpoint; sign a new one.
const db = openDatabase(databasePath());
const result = verifyAndCheckpoint(db);
db.$client.close();
if (result.ok) {
	console.log(
		`All ${result.children} records are whole: ${result.entries} final entries checked, and a new checkpoint signed.`
	);
} else {
	console.error(`BROKEN: ${describeProblem(result.problems[0]!)}`);
	for (const problem of result.problems.slice(1))
		console.error(`  also: ${describeProblem(problem)}`);
	process.exit(1);
}
