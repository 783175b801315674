import fs from 'node:fs';
import path from 'node:path';
import { Session } from 'node:inspector';
import { ensureBuilt } from '../src/cli/build';
import { openDatabase } from '../src/lib/server/db';
import { createSession, validateSessionToken } from '../src/lib/server/auth/session';
import { hashPassword } from '../src/lib/server/auth/password';
import { actorFrom } from '../src/lib/server/access/actor';
import { timelineFor } from '../src/lib/server/read-model/story';
import { makeWorld } from '../src/lib/server/test/factories';
import { user } from '../src/lib/server/db/schema';
import { seedEntries } from './lib/seed-entries';
import { summariseProfile } from './lib/cpu-profile';
import { timeStatements } from './lib/sql-times';

// npm run bench:profile: not a benchmark but the tool to find where a benchmark's time goes. It
// asks the built server in this process (as bench:record does) and reports the CPU time of each
// request, which other work on the machine changes far less than the time taken. Either
//   WHAT=record: a child with 5,000 entries, as bench:record (seeded once, then kept), or
//   WHAT=story: "My story" as 200 children of bench:server's database (bench/.data/server, or
//     STORY_DATA=<a copy of it>), and the bare handler's work (bench/lib/bare-timeline.ts)
//     in this same process, so that the two can be compared.
// PROFILE=1 also writes bench/.data/<what>.cpuprofile and prints where the time went, by file and
// by function; SQL=1 times every statement; OUTPUT=<a copy of .svelte-kit/output> runs another
// build, to compare two versions on the same data; RUNS, CASE (a label to keep) as they say.

const what = process.env.WHAT ?? 'record';
const runs = Number(process.env.RUNS ?? 300);
const output = path.resolve(process.env.OUTPUT ?? '.svelte-kit/output');
if (!process.env.OUTPUT) ensureBuilt();
process.env.WAYMARK_SECRET ??= 'benchmark-secret-benchmark-secret-0123456789';

type Case = { label: string; run: (i: number) => Promise<unknown> };
const cases: Case[] = [];

async function startServer() {
	const { Server } = await import(path.join(output, 'server/index.js'));
	const { manifest } = await import(path.join(output, 'server/manifest.js'));
	const server = new Server(manifest);
	await server.init({ env: process.env as Record<string, string> });
	return async (url: string, cookie: string) => {
		const request = new Request(`http://localhost${url}`, {
			headers: { cookie, accept: 'text/html', 'sec-fetch-site': 'same-origin' }
		});
		const response: Response = await server.respond(request, {
			getClientAddress: () => '127.0.0.1'
		});
		const body = await response.text();
		if (response.status !== 200) throw new Error(`${url}: ${response.status}`);
		return body;
	};
}

if (what === 'record') {
	const dataDir = path.resolve('bench/.data/profile-record');
	const idsFile = path.join(dataDir, 'ids.json');
	process.env.DATA_DIR = dataDir;
	if (!fs.existsSync(idsFile)) {
		fs.rmSync(dataDir, { recursive: true, force: true });
		const db = openDatabase(path.join(dataDir, 'waymark.db'));
		const w = makeWorld(db);
		db.update(user)
			.set({ passwordHash: await hashPassword('benchmark pass') })
			.run();
		seedEntries(db, w.keyWorker, w.child.profile.id, 5000);
		const ids = { child: w.child.account!.id, childId: w.child.profile.id, worker: w.keyWorker.id };
		fs.writeFileSync(idsFile, JSON.stringify(ids));
		db.$client.close();
	}
	const ids = JSON.parse(fs.readFileSync(idsFile, 'utf8'));
	const db = openDatabase(path.join(dataDir, 'waymark.db'));
	const cookie = (userId: string) =>
		`waymark-session=${createSession(db, userId, { twoFactorVerified: true }).token}`;
	const [child, worker] = [cookie(ids.child), cookie(ids.worker)];
	db.$client.close();
	const get = await startServer();
	const staff = `/children/${ids.childId}/record`;
	cases.push(
		{ label: "child's record", run: (i) => get(`/me/record?page=${((i * 7) % 175) + 1}`, child) },
		{ label: 'staff chronology', run: (i) => get(`${staff}?page=${((i * 13) % 200) + 1}`, worker) },
		{ label: 'opinions', run: (i) => get(`${staff}?nature=opinion&page=${(i % 5) + 1}`, worker) }
	);
} else {
	const dataDir = path.resolve(process.env.STORY_DATA ?? 'bench/.data/server');
	process.env.DATA_DIR = dataDir;
	const db = openDatabase(path.join(dataDir, 'waymark.db'));
	const children = db.$client
		.prepare('SELECT user_id FROM child_profile WHERE user_id IS NOT NULL ORDER BY rowid')
		.pluck()
		.all() as string[];
	const tokens = children
		.filter((_, i) => i % Math.max(1, Math.floor(children.length / 200)) === 0)
		.map((id) => createSession(db, id, { twoFactorVerified: true }).token);
	const get = await startServer();
	cases.push(
		{
			label: 'My story (Waymark)',
			run: (i) => get('/me/story', `waymark-session=${tokens[i % tokens.length]}`)
		},
		{
			label: 'bare handler work',
			run: async (i) => {
				const valid = validateSessionToken(db, tokens[i % tokens.length]!)!;
				const actor = actorFrom(valid.user, valid.user.childId);
				return JSON.stringify(timelineFor(db, actor, { page: 1, locale: 'en-GB' }));
			}
		}
	);
}

const only = cases.filter((c) => !process.env.CASE || c.label.includes(process.env.CASE));
const statements = process.env.SQL ? await timeStatements() : null;
for (const c of only) for (let i = 0; i < 50; i++) await c.run(i);

const inspector = new Session();
inspector.connect();
const post = <T>(method: string, params?: object) =>
	new Promise<T>((resolve, reject) =>
		inspector.post(method, params, (e, r) => (e ? reject(e) : resolve(r as T)))
	);
if (process.env.PROFILE) {
	await post('Profiler.enable');
	await post('Profiler.setSamplingInterval', { interval: 200 });
	await post('Profiler.start');
}
for (const c of only) {
	const cpu = process.cpuUsage();
	const started = performance.now();
	for (let i = 0; i < runs; i++) await c.run(i);
	const used = process.cpuUsage(cpu);
	const ms = (used.user + used.system) / 1000 / runs;
	const wall = (performance.now() - started) / runs;
	console.log(`${c.label}: ${ms.toFixed(2)} ms CPU, ${wall.toFixed(2)} ms taken, per request`);
}
statements?.print();
if (process.env.PROFILE) {
	const { profile } = await post<{ profile: Parameters<typeof summariseProfile>[0] }>(
		'Profiler.stop'
	);
	fs.writeFileSync(`bench/.data/${what}.cpuprofile`, JSON.stringify(profile));
	summariseProfile(profile, Number(process.env.TOP ?? 45));
}
process.exit(0);
