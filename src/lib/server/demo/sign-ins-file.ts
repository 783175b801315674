import fs from 'node:fs';
import path from 'node:path';
import type { DemoSignIn } from './seed';

/** One line per account: `<role> <username> <password>`, readable by the owner only. */
export function writeDemoSignIns(dir: string, signIns: DemoSignIn[]): string {
	const file = path.join(dir, 'demo-sign-ins.txt');
	fs.mkdirSync(dir, { recursive: true });
	fs.writeFileSync(
		file,
		signIns.map((s) => `${s.role} ${s.username} ${s.password}`).join('\n') + '\n',
		{
			mode: 0o600
		}
	);
	fs.chmodSync(file, 0o600);
	return file;
}

export function printDemoBanner(signIns: DemoSignIn[], file: string): void {
	const rule = '='.repeat(72);
	console.log(rule);
	console.log('  DEMO DATA: this is a demonstration organisation with made-up people.');
	console.log('  Do not enter real information about real children here.');
	console.log('  For real use start with WAYMARK_DEMO=0 and run npm run admin:create.');
	console.log(rule);
	console.log('  Demo sign-ins (random for this install; shown only now):');
	for (const s of signIns)
		console.log(`    ${s.role.padEnd(14)} ${s.username.padEnd(14)} ${s.password}`);
	console.log(`  Also saved, readable only by you, in ${file}`);
	console.log('  Staff accounts set up an authenticator app (TOTP) at their first sign-in.');
	console.log(rule);
}
