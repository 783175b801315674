/**
 * `npm run readability`: the Flesch-Kincaid grade of every child-facing English message (and of
 * the easy-read wording), worst first. The rule, checked in CI by src/lib/i18n/readability.spec.ts:
 * the average is at most 4 and no message is above 6, except those in readability-exceptions.ts.
 */
import path from 'node:path';
import { readabilityReport } from '../tooling/readability-report';

const report = readabilityReport(path.resolve('messages'));
for (const row of report.rows.slice(0, Number(process.argv[2] ?? 40))) {
	const mark = row.grade > 6 ? (row.exception ? 'exception' : 'TOO HARD') : '';
	console.log(`${row.grade.toFixed(1).padStart(5)}  ${row.key}  ${mark}\n       ${row.text}`);
}
console.log(
	`\n${report.rows.length} child-facing messages; average grade ${report.average.toFixed(2)} (at most 4);` +
		` ${report.tooHard.length} above 6 without an exception; ${report.exceptions} exceptions.`
);
process.exit(report.average <= 4 && report.tooHard.length === 0 ? 0 : 1);
