import { parseArgs } from 'node:util';
import { createInterface } from 'node:readline/promises';
import { openDatabase } from '../lib/server/db';
import { databasePath } from '../lib/server/config';
import { createAdministrator } from '../lib/server/accounts/bootstrap';
import { usernamePattern } from '../lib/server/validation';
import { normaliseText } from '../lib/server/normalise';

// npm run admin:create [-- --username u --name "Full Name" --post-title "..." --organisation "..."]
const { values } = parseArgs({
	options: {
		username: { type: 'string' },
		name: { type: 'string' },
		'post-title': { type: 'string' },
		organisation: { type: 'string' }
	}
});

async function ask(question: string, fallback?: string): Promise<string> {
	if (!process.stdin.isTTY) {
		if (fallback !== undefined) return fallback;
		throw new Error(`Missing --${question}; run in a terminal or pass it as an option.`);
	}
	const rl = createInterface({ input: process.stdin, output: process.stdout });
	const answer = (await rl.question(`${question}${fallback ? ` [${fallback}]` : ''}: `)).trim();
	rl.close();
	return answer || fallback || '';
}

const db = openDatabase(databasePath());
const username = (values.username ?? (await ask('username'))).toLowerCase();
if (!usernamePattern.test(username)) {
	console.error('A username is 3 to 40 small letters, numbers, dots or dashes.');
	process.exit(2);
}
// Typed text is cleaned as every form field is (src/lib/server/normalise.ts).
const clean = (text: string) => normaliseText(text).trim();
const displayName = clean(values.name ?? (await ask('name')));
const postTitle = clean(values['post-title'] ?? (await ask('post-title', 'Systems administrator')));
const organisationName = clean(values.organisation ?? (await ask('organisation', 'Waymark')));
const { user, password } = await createAdministrator(db, {
	username,
	displayName,
	postTitle,
	organisationName
});
db.$client.close();
console.log(`Administrator ${user.username} created.`);
console.log(`Password (shown once, write it down now): ${password}`);
console.log('At the first sign-in they set up an authenticator app.');
