/** `npm run check:messages [locale…]`: every message file against English, problem by problem. */
import path from 'node:path';
import { locales } from '../lib/i18n/locales';
import { readMessages, problemsWith } from '../tooling/messages';

const dir = path.resolve('messages');
const english = readMessages(dir, 'en-GB');
const wanted = process.argv.slice(2);
let failed = false;
for (const { code } of locales) {
	if (wanted.length && !wanted.includes(code)) continue;
	let problems: string[];
	try {
		problems = problemsWith(english, readMessages(dir, code), code);
	} catch (e) {
		problems = [`cannot read messages/${code}.json: ${(e as Error).message}`];
	}
	console.log(`${code}: ${problems.length ? `${problems.length} problems` : 'complete'}`);
	for (const p of problems) console.log(`  ${p}`);
	failed ||= problems.length > 0;
}
process.exit(failed ? 1 : 0);
