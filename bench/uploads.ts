import fs from 'node:fs';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { ensureBuilt } from '../src/cli/build';
import { openDatabase } from '../src/lib/server/db';
import { createSession } from '../src/lib/server/auth/session';
import { hashPassword } from '../src/lib/server/auth/password';
import { user } from '../src/lib/server/db/schema';
import { makeChild, makeOrganisation, makeUnit } from '../src/lib/server/test/factories';
import { maxPhotoBytes } from '../src/lib/server/media/limits';
import { writeSection } from './lib/docs';
import { spawnUntilRunning } from './lib/server';

// npm run bench:uploads: starts Waymark as `npm start` does (a fresh server for each run), signed
// in as a child, and sends 4, then 8, parallel 63 MB photo forms ("My views", three "photos" of
// 20 MB, the most a photo may be: each is read, then refused as not a photo), sampling the resident
// memory of the server's processes every 20 ms. Each run is made with the upload queue off
// (UPLOAD_PLACES=0) and with 1 and 2 places (2 is the default); PLACES=… and PARALLEL=… choose others.

ensureBuilt();
const port = 4390;
const origin = `http://127.0.0.1:${port}`;
const dataDir = path.resolve('bench/.data/uploads');
fs.rmSync(dataDir, { recursive: true, force: true });
fs.mkdirSync(dataDir, { recursive: true });
const db = openDatabase(path.join(dataDir, 'waymark.db'));
const org = makeOrganisation(db, 'Benchmark council');
const child = makeChild(db, org.id, { homeId: makeUnit(db, org.id).id });
db.update(user)
	.set({ passwordHash: await hashPassword('benchmark pass') })
	.run();
const cookie = `waymark-session=${createSession(db, child.account!.id, { twoFactorVerified: true }).token}`;
db.$client.close();

/** A multipart form as a browser sends it: the words, and three 20 MB "photos". */
function uploadForm() {
	const boundary = '----waymarkbench' + Math.random().toString(36).slice(2);
	const field = (name: string, value: string) =>
		`--${boundary}\r\ncontent-disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`;
	const parts: Buffer[] = [
		Buffer.from(field('want', 'To go swimming on Saturdays') + field('intent', 'save'))
	];
	for (let i = 0; i < 3; i++) {
		parts.push(
			Buffer.from(
				`--${boundary}\r\ncontent-disposition: form-data; name="photos"; filename="photo${i}.jpg"\r\ncontent-type: image/jpeg\r\n\r\n`
			),
			Buffer.alloc(maxPhotoBytes, i + 1),
			Buffer.from('\r\n')
		);
	}
	parts.push(Buffer.from(`--${boundary}--\r\n`));
	return { body: Buffer.concat(parts), type: `multipart/form-data; boundary=${boundary}` };
}
const form = uploadForm();

/** Resident memory of a process and all its children (tsx runs the server in a child), in MB. */
function treeRss(root: number): number {
	const parents = new Map<number, number>();
	for (const entry of fs.readdirSync('/proc')) {
		if (!/^\d+$/.test(entry)) continue;
		try {
			const stat = fs.readFileSync(`/proc/${entry}/stat`, 'utf8');
			parents.set(Number(entry), Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]));
		} catch {
			// gone meanwhile
		}
	}
	const tree = new Set([root]);
	for (let grew = true; grew;) {
		grew = false;
		for (const [pid, parent] of parents) {
			if (tree.has(parent) && !tree.has(pid)) grew = tree.add(pid) !== undefined;
		}
	}
	let kb = 0;
	for (const pid of tree) {
		try {
			const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
			kb += Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
		} catch {
			// gone meanwhile
		}
	}
	return kb / 1024;
}

async function run(places: number, parallel: number) {
	const start = () =>
		spawnUntilRunning(['src/cli/start.ts'], {
			DATA_DIR: dataDir,
			PORT: String(port),
			HOST: '127.0.0.1',
			UPLOAD_PLACES: String(places)
		});
	// Once more if the previous server had not yet let go of the port.
	const stop = await start().catch(() => sleep(3000).then(start));
	try {
		const headers = { cookie, origin, 'sec-fetch-site': 'same-origin', accept: 'text/html' };
		// Warm up: the pages and one small form, so the baseline is a server that has served.
		for (let i = 0; i < 3; i++) {
			const page = await fetch(`${origin}/me/views/new`, { headers, redirect: 'manual' });
			await page.text();
			if (page.status !== 200) throw new Error(`not signed in: ${page.status}`);
		}
		await sleep(1000);
		const before = treeRss(stop.pid);
		let peak = before;
		const sampler = setInterval(() => (peak = Math.max(peak, treeRss(stop.pid))), 20);
		const started = performance.now();
		const results = await Promise.all(
			Array.from({ length: parallel }, async () => {
				const t0 = performance.now();
				const response = await fetch(`${origin}/me/views/new`, {
					method: 'POST',
					body: form.body,
					headers: { ...headers, 'content-type': form.type },
					redirect: 'manual'
				});
				const text = await response.text();
				if (process.env.DEBUG)
					console.log(response.status, response.headers.get('location'), text.slice(0, 300));
				return { status: response.status, ms: performance.now() - t0 };
			})
		);
		const seconds = (performance.now() - started) / 1000;
		await sleep(200);
		clearInterval(sampler);
		const slowest = Math.max(...results.map((r) => r.ms)) / 1000;
		const statuses = [...new Set(results.map((r) => r.status))].join(', ');
		return { places, parallel, before, peak, seconds, slowest, statuses };
	} finally {
		stop();
		await sleep(1500);
	}
}

const label = (places: number) =>
	places === 0
		? 'off (`UPLOAD_PLACES=0`)'
		: `${places} place${places > 1 ? 's' : ''}${places === 2 ? ' (default)' : ''}`;
const rows = [];
for (const parallel of (process.env.PARALLEL ?? '4,8').split(',').map(Number)) {
	for (const places of (process.env.PLACES ?? '0,1,2').split(',').map(Number)) {
		const r = await run(places, parallel);
		console.log(
			`${parallel} uploads, ${places ? `queue of ${places} places` : 'no queue'}: ${r.before.toFixed(0)} MB before, peak ${r.peak.toFixed(0)} MB, all done in ${r.seconds.toFixed(1)} s, statuses ${r.statuses}`
		);
		rows.push(r);
	}
}

const table = [
	`Measured by \`npm run bench:uploads\` on ${new Date().toISOString().slice(0, 10)} (2 cores, Node ${process.versions.node}): parallel 63 MB photo forms to "My views", each server fresh, resident memory of the server's processes sampled every 20 ms.`,
	'',
	'| uploads at once | upload queue | memory before | peak memory | all answered in | answers |',
	'| --- | --- | --- | --- | --- | --- |',
	...rows.map(
		(r) =>
			`| ${r.parallel} | ${label(r.places)} | ${r.before.toFixed(0)} MB | ${r.peak.toFixed(0)} MB | ${r.seconds.toFixed(1)} s | ${r.statuses} |`
	)
].join('\n');
console.log(table);
if (!process.env.NO_DOCS) writeSection('bench:uploads', table);
process.exit(0);
