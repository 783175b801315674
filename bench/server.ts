import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import autocannon from 'autocannon';
import { ensureBuilt } from '../src/cli/build';
import { openDatabase } from '../src/lib/server/db';
import { createSession } from '../src/lib/server/auth/session';
import { hashPassword } from '../src/lib/server/auth/password';
import { user } from '../src/lib/server/db/schema';
import {
	actorFor,
	assignTo,
	entryInput,
	makeChild,
	makeOrganisation,
	makeUnit,
	makeUser
} from '../src/lib/server/test/factories';
import { createDraft, finaliseEntry } from '../src/lib/server/record/write';
import { docFromPlainText } from '../src/lib/server/record/sanitise';
import { hashOf, hashedColumns, laterColumns, type RawEntry } from '../src/lib/server/record/chain';
import { randomId } from '../src/lib/server/crypto/random';
import { dayOf } from '../src/lib/server/dates/day';
import { spawn, spawnSync } from 'node:child_process';
import { sql } from 'drizzle-orm';
import { writeSection } from './lib/docs';
import { spawnUntilRunning as serve } from './lib/server';
import { machineNote } from './lib/stats';

// npm run bench:server: an organisation of 2,000 children with 1,000 entries each (2 million,
// the first child's through the real write path, the others copied from it and chained anew), then autocannon with 20 connections for 20 s
// against the child's timeline route ("My story", page 1, each request as one of 200 children),
// and the same against a bare Node handler doing the same queries (bench/lib/bare-timeline.ts),
// one after the other in the same run. CHILDREN=… ENTRIES=… make it smaller for a quick look;
// REUSE=1 keeps the organisation the last run seeded (same size), to measure again without
// seeding for most of an hour.

const children = Number(process.env.CHILDREN ?? 2000);
const perChild = Number(process.env.ENTRIES ?? 1000);
const seconds = Number(process.env.SECONDS ?? 20);
const connections = 20;

ensureBuilt();
const dataDir = path.resolve('bench/.data/server');
const seededFile = path.join(dataDir, 'seeded.json');
type Seeded = { children: number; perChild: number; seedSeconds: number; fullWalkSeconds: number };
const kept =
	process.env.REUSE && fs.existsSync(seededFile)
		? (JSON.parse(fs.readFileSync(seededFile, 'utf8')) as Seeded)
		: null;
const reuse = kept?.children === children && kept.perChild === perChild ? kept : null;
if (!reuse) {
	fs.rmSync(dataDir, { recursive: true, force: true });
	fs.mkdirSync(dataDir, { recursive: true });
}
// The server's secret key lives in this folder: hashes made here must verify there.
process.env.DATA_DIR = dataDir;
const dbFile = path.join(dataDir, 'waymark.db');
const db = openDatabase(dbFile);

const started = Date.now();
if (!reuse) {
	seed();
	// Any password: start.ts asks for none, but a real child has one.
	db.update(user)
		.set({ passwordHash: await hashPassword('benchmark pass') })
		.run();
}

/** The organisation: 40 homes, a key worker for each 50 children. */
function seed() {
	const org = makeOrganisation(db, 'Benchmark council');
	const text =
		'Went to the looked-after review today. Said they are happy at home and want to keep swimming.\n\nThe PEP meeting is next month.';
	const body = docFromPlainText(text);
	const start = Date.UTC(2013, 4, 14);
	let worker = makeUser(db, org.id, 'key_worker');
	let template: RawEntry[] = [];
	const insert = db.$client.prepare(
		`INSERT INTO entry (${[...hashedColumns, ...laterColumns, 'hash'].join(', ')}) VALUES (${[...hashedColumns, ...laterColumns, 'hash'].map((c) => `@${c}`).join(', ')})`
	);
	for (let c = 0; c < children; c++) {
		if (c % 50 === 0) {
			const home = makeUnit(db, org.id, 'home');
			worker = makeUser(db, org.id, 'key_worker', { unitId: home.id });
		}
		const child = makeChild(db, org.id, { homeId: worker.unitId });
		assignTo(db, worker, child.profile.id, 'key_worker');
		if (c === 0) {
			// The first child's record through the real write path: drafts finalised into the chain.
			const actor = actorFor(db, worker);
			db.transaction((tx) => {
				for (let i = 0; i < perChild; i++) {
					const at = new Date(start + i * 86_400_000 * 3);
					const visibility = i % 10 < 6 ? 'shared' : i % 10 < 9 ? 'staff_only' : 'confidential';
					const draft = createDraft(
						tx,
						actor,
						child.profile.id,
						entryInput({
							title: `Entry ${i + 1}`,
							body,
							eventDate: dayOf(at),
							visibility,
							confidentialReason: visibility === 'confidential' ? 'Police request.' : null
						}),
						at
					);
					finaliseEntry(tx, actor, draft.id, null, at);
				}
			});
			template = db.all<RawEntry>(
				sql`SELECT * FROM entry WHERE child_id = ${child.profile.id} ORDER BY seq`
			);
			continue;
		}
		// Every other child: the same entries as their own rows, by their own worker, chained anew
		// (the hash covers the id, the child and the previous hash), 30 times faster than the write path.
		db.transaction(() => {
			let prev: string | null = null;
			for (const row of template) {
				const copy: Record<string, unknown> = {
					...row,
					id: randomId(),
					child_id: child.profile.id,
					author_user_id: worker.id,
					author_name: worker.displayName,
					prev_hash: prev
				};
				copy.hash = hashOf(copy);
				prev = copy.hash as string;
				insert.run(copy);
			}
		});
		if ((c + 1) % 200 === 0) {
			const s = (Date.now() - started) / 1000;
			console.log(
				`seeded ${c + 1} children (${((c + 1) * perChild).toLocaleString()} entries) in ${s.toFixed(0)} s`
			);
		}
	}
}
// Each request as one of 200 children (in the order they were made), each with a fresh session.
const childUsers = db.$client
	.prepare('SELECT user_id FROM child_profile WHERE user_id IS NOT NULL ORDER BY rowid')
	.pluck()
	.all() as string[];
const cookies = childUsers
	.filter((_, i) => i % Math.max(1, Math.floor(children / 200)) === 0)
	.map((id) => `waymark-session=${createSession(db, id, { twoFactorVerified: true }).token}`);
db.$client.pragma('wal_checkpoint(TRUNCATE)');
const seedSeconds = reuse?.seedSeconds ?? (Date.now() - started) / 1000;
const size = fs.statSync(dbFile).size;
console.log(
	`${reuse ? 'kept from the last run' : 'seeded'} in ${seedSeconds.toFixed(0)} s; database ${(size / 1e9).toFixed(2)} GB`
);

// The state an operator's database is in: a full walk has signed a checkpoint (timed: this is the
// walk that runs daily, in its own process). A kept organisation was walked when it was seeded.
let fullWalkSeconds = reuse?.fullWalkSeconds ?? 0;
if (!reuse) {
	const walkStarted = Date.now();
	const walk = spawnSync(process.execPath, ['node_modules/tsx/dist/cli.mjs', 'src/cli/verify.ts'], {
		env: { ...process.env, DATA_DIR: dataDir },
		stdio: 'inherit'
	});
	if (walk.status !== 0) throw new Error('The seeded record did not verify');
	fullWalkSeconds = (Date.now() - walkStarted) / 1000;
	const seeded: Seeded = { children, perChild, seedSeconds, fullWalkSeconds };
	fs.writeFileSync(seededFile, JSON.stringify(seeded));
}

/** A process and everything it started (a server's workers), by their ids. */
function processTree(pid: number): number[] {
	const children = fs
		.readdirSync('/proc')
		.filter((d) => /^\d+$/.test(d))
		.filter((d) => {
			try {
				return (
					fs.readFileSync(`/proc/${d}/stat`, 'utf8').split(') ')[1]!.split(' ')[1] === String(pid)
				);
			} catch {
				return false;
			}
		})
		.map(Number);
	return [pid, ...children.flatMap(processTree)];
}

/** CPU time (user and system, ms) these processes have used so far. */
function cpuMsOf(pids: number[]): number {
	let ticks = 0;
	for (const pid of pids) {
		try {
			const f = fs.readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
			ticks += Number(f[11]) + Number(f[12]);
		} catch {
			// ended meanwhile
		}
	}
	return ticks * 10;
}

async function load(url: string, serverPid?: number) {
	// The server's own CPU time per request, which other work on the machine changes far less than
	// requests per second.
	const pids = serverPid ? processTree(serverPid) : [];
	const cpuBefore = cpuMsOf(pids);
	let n = 0;
	const result = await autocannon({
		url,
		connections,
		duration: seconds,
		requests: [
			{
				setupRequest: (req) => ({
					...req,
					headers: { ...req.headers, cookie: cookies[n++ % cookies.length]!, accept: 'text/html' }
				})
			}
		]
	});
	return {
		rps: result.requests.average,
		p975: result.latency.p97_5,
		p99: result.latency.p99,
		ok: result.non2xx === 0 && result.errors === 0,
		total: result.requests.total,
		cpuMs: serverPid ? (cpuMsOf(pids) - cpuBefore) / result.requests.total : NaN
	};
}

/** Waymark as `npm start` runs it, with this many workers; and how long until it first answers. */
async function startWaymark(workers: number) {
	const begun = Date.now();
	const stop = await serve(['src/cli/start.ts'], {
		DATA_DIR: dataDir,
		PORT: '4193',
		HOST: '127.0.0.1',
		WAYMARK_WORKERS: String(workers)
	});
	for (;;) {
		const answer = await fetch('http://127.0.0.1:4193/sign-in').catch(() => null);
		if (answer?.ok) break;
		await new Promise((r) => setTimeout(r, 20));
	}
	return { stop, firstAnswerMs: Date.now() - begun };
}

const url = 'http://127.0.0.1:4193/me/story';
const loadBefore = os
	.loadavg()
	.map((l) => l.toFixed(2))
	.join(', ');
const one = await startWaymark(1);
await load(url); // warm-up, not counted
const app = await load(url, one.stop.pid);
one.stop();
await new Promise((r) => setTimeout(r, 2000));
const all = await startWaymark(2);
await load(url);
const appAll = await load(url, all.stop.pid);
// The same load while the daily full walk runs beside the server, in its own process.
const walker = spawn(process.execPath, ['node_modules/tsx/dist/cli.mjs', 'src/cli/verify.ts'], {
	env: { ...process.env, DATA_DIR: dataDir },
	stdio: 'ignore'
});
const during = await load(url, all.stop.pid);
const walkStillRunning = walker.exitCode === null;
const note = machineNote();
walker.kill();
all.stop();
const stopBare = await serve(['bench/lib/bare-timeline.ts', dbFile, '4194'], {});
await load('http://127.0.0.1:4194/me/story');
const bare = await load('http://127.0.0.1:4194/me/story', stopBare.pid);
stopBare();

const ratio = app.rps / bare.rps;
const scale = appAll.rps / app.rps;
const table = `Measured by \`npm run bench:server\` on ${dayOf(new Date())} (2 cores, Node ${process.versions.node}; ${note} at the end of the load runs, ${loadBefore} before them): ${children.toLocaleString()} children × ${perChild.toLocaleString()} entries (${(children * perChild).toLocaleString()} entries, ${(size / 1e9).toFixed(2)} GB, ${reuse ? 'kept from a run that seeded it' : 'seeded'} in ${seedSeconds.toFixed(0)} s: the first child's record through the write path, the others copied and chained); autocannon, ${connections} connections, ${seconds} s after a ${seconds} s warm-up, each request as one of ${cookies.length} children.

| server | requests/s | server CPU a request | p97.5 latency | p99 latency | all 200 |
| --- | --- | --- | --- | --- | --- |
| Waymark, \`/me/story\` (SvelteKit, HTML), 1 worker | ${app.rps.toFixed(1)} | ${app.cpuMs.toFixed(1)} ms | ${app.p975} ms | ${app.p99} ms | ${app.ok ? 'yes' : 'no'} |
| Waymark, 2 workers (\`npm start\` on 2 cores) | ${appAll.rps.toFixed(1)} | ${appAll.cpuMs.toFixed(1)} ms | ${appAll.p975} ms | ${appAll.p99} ms | ${appAll.ok ? 'yes' : 'no'} |
| Waymark, 2 workers, while the full record check walks every entry beside it | ${during.rps.toFixed(1)} | ${during.cpuMs.toFixed(1)} ms | ${during.p975} ms | ${during.p99} ms | ${during.ok ? 'yes' : 'no'} |
| bare Node handler, same queries (JSON), 1 process | ${bare.rps.toFixed(1)} | ${bare.cpuMs.toFixed(1)} ms | ${bare.p975} ms | ${bare.p99} ms | ${bare.ok ? 'yes' : 'no'} |

- Ratio, 1 worker against the bare handler: **${ratio.toFixed(2)}** (target at least 0.6, issue 18).
- By server CPU a request (less moved by other work on the machine): the bare handler's is **${(bare.cpuMs / app.cpuMs).toFixed(2)}** of Waymark's.
- 2 workers against 1: **${scale.toFixed(2)}** times (goal at least 1.7 on 2 cores).
- Start to first answer (\`npm start\` with a signed checkpoint: the quick check of what was added since, then the workers): ${one.firstAnswerMs} ms with 1 worker, ${all.firstAnswerMs} ms with 2.
- The full walk of every entry, the access log and the files (\`npm run verify\`, in its own process, daily): ${fullWalkSeconds.toFixed(0)} s${walkStillRunning ? '; it was still running when the load run ended' : ''}.`;
console.log(table);
if (children === 2000 && perChild === 1000) writeSection('bench:server', table);
process.exit(0);
