import path from 'node:path';
import { startApp } from './lib/app';
import { header, machineNote, summarise } from './lib/stats';
import { openDatabase } from '../src/lib/server/db';
import { createSession } from '../src/lib/server/auth/session';
import { hashPassword } from '../src/lib/server/auth/password';
import { makeWorld } from '../src/lib/server/test/factories';
import { user } from '../src/lib/server/db/schema';
import { seedEntries } from './lib/seed-entries';

// npm run bench:record: a child with 5,000 entries; server-side time for a page of the child's
// record and of the staff chronology, median and p95 over 300 runs each (after 30 to warm up).

const entries = 5000;
const runs = 300;
const app = await startApp('record');
const db = openDatabase(path.join(app.dataDir, 'waymark.db'));
const w = makeWorld(db);
db.update(user)
	.set({ passwordHash: await hashPassword('benchmark pass') })
	.run();
const seeded = seedEntries(db, w.keyWorker, w.child.profile.id, entries);
const cookie = (userId: string) =>
	`waymark-session=${createSession(db, userId, { twoFactorVerified: true }).token}`;
const child = cookie(w.child.account!.id);
const worker = cookie(w.keyWorker.id);

async function measure(label: string, urlFor: (i: number) => string, who: string) {
	for (let i = 0; i < 30; i++) await app.get(urlFor(i), who);
	const timings: number[] = [];
	for (let i = 0; i < runs; i++) {
		const url = urlFor(i);
		const start = performance.now();
		const { status } = await app.get(url, who);
		timings.push(performance.now() - start);
		if (status !== 200) throw new Error(`${url} answered ${status}`);
	}
	return summarise(label, timings);
}

console.log(
	`\n${seeded.total} entries for one child (${seeded.shared} shared with her), ${runs} runs each; ${machineNote()}.\n`
);
header();
const childPages = Math.ceil(seeded.visibleToChild / 20);
const staffPages = Math.ceil(seeded.total / 25);
const results = [
	await measure(
		"child's record, a page (20 entries)",
		(i) => `/me/record?page=${((i * 7) % childPages) + 1}`,
		child
	),
	await measure(
		'staff chronology, a page (25 entries)',
		(i) => `/children/${w.child.profile.id}/record?page=${((i * 13) % staffPages) + 1}`,
		worker
	),
	await measure(
		'staff chronology, filtered to opinions',
		(i) => `/children/${w.child.profile.id}/record?nature=opinion&page=${(i % 5) + 1}`,
		worker
	)
];
const worst = Math.max(...results.map((r) => r.p95));
console.log(
	`\nTarget: p95 at most 15 ms (issue 18). Worst p95: ${worst.toFixed(2)} ms: ${worst <= 15 ? 'met' : 'NOT met'}; ${machineNote()} at the end.`
);
db.$client.close();
process.exit(0);
