import { backupDatabase, integrityCheck } from '../lib/server/db/backup';
import { databasePath } from '../lib/server/config';

// npm run backup -- <file>: a consistent copy of the running database.
const target = process.argv[2];
if (!target) {
	console.error(
		'Usage: npm run backup -- <file>   (for example: npm run backup -- backups/waymark-2026-11-21.db)'
	);
	process.exit(2);
}
const source = databasePath();
const { pages } = await backupDatabase(source, target);
const check = integrityCheck(target);
console.log(`Backed up ${source} to ${target} (${pages} pages); integrity check: ${check}.`);
if (check !== 'ok') process.exit(1);
