import fs from 'node:fs';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { startServer } from './lib/server';
import { writeSection } from './lib/docs';
import { seedEntries } from './lib/seed-entries';
import { openDatabase } from '../src/lib/server/db';
import { createSession } from '../src/lib/server/auth/session';
import { childProfile, media, user } from '../src/lib/server/db/schema';
import { actorFor, childEntryInput } from '../src/lib/server/test/factories';
import { createChildDraft, sendChildEntry } from '../src/lib/server/space/child-entries';
import { processPhoto } from '../src/lib/server/media';
import { writeMedia } from '../src/lib/server/media/store';
import { randomId } from '../src/lib/server/crypto/random';
import { phonePhoto } from '../src/lib/server/test/phone-photo';
import { today } from '../src/lib/server/dates/day';

// npm run bench:export: "Download everything" of a big record. Waymark as `npm start` runs it
// (one worker, so one process to watch), the demo child's record grown by 5,000 staff entries
// (6 in 10 shared with her, 3 staff only, 1 confidential) and 250 memories holding 500 photos (each
// a real 1600 px WebP as the server keeps them). The zip is read as it comes and counted, never
// kept; the worker's resident memory is sampled every 10 ms from /proc while it is sent.

const entries = Number(process.env.ENTRIES ?? 5000);
const photos = Number(process.env.PHOTOS ?? 500);
const perMemory = 2;

process.env.WAYMARK_WORKERS = '1';
const server = await startServer('export', 4197);
// The same data folder (and so the same secret and media folder) as the server.
process.env.DATA_DIR = server.dataDir;
const db = openDatabase(path.join(server.dataDir, 'waymark.db'));
const maya = db.select().from(user).where(eq(user.role, 'child')).get()!;
const sam = db.select().from(user).where(eq(user.username, 'sam.okafor')).get()!;
const childId = db.select().from(childProfile).where(eq(childProfile.userId, maya.id)).get()!.id;

const seeding = performance.now();
seedEntries(db, sam, childId, entries);
const picture = await processPhoto(await phonePhoto(7));
const sha = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');
const child = actorFor(db, maya);
const sent = new Date(Date.now() - 3600_000);
for (let m = 0; m < photos / perMemory; m++) {
	const draft = createChildDraft(
		db,
		child,
		childEntryInput({
			kind: 'memory',
			title: `Memory ${m + 1}`,
			eventDate: String(2014 + (m % 12))
		}),
		sent
	);
	for (let p = 0; p < perMemory; p++) {
		const id = randomId();
		await writeMedia(id, [
			{ variant: 'display', extension: 'webp', bytes: picture.display },
			{ variant: 'thumb', extension: 'webp', bytes: picture.thumb }
		]);
		db.insert(media)
			.values({
				id,
				childId,
				entryId: draft.id,
				kind: 'photo',
				mime: 'image/webp',
				extension: 'webp',
				width: picture.width,
				height: picture.height,
				size: picture.display.length,
				sha256: sha(picture.display),
				thumbSha256: sha(picture.thumb),
				caption: `Photo ${p + 1}`,
				uploadedByUserId: maya.id,
				createdAt: sent
			})
			.run();
	}
	sendChildEntry(db, child, draft.id, null, sent);
}
console.log(
	`Seeded ${entries} entries and ${photos} photos of ${(picture.display.length / 1024).toFixed(0)} KB in ${((performance.now() - seeding) / 1000).toFixed(0)} s.`
);

/** The one worker serving requests: the descendant of the server started as a cluster worker. */
function workerPid(): number {
	const children = (pid: number): number[] => {
		let out = '';
		try {
			out = execFileSync('ps', ['-o', 'pid=', '--ppid', String(pid)], { encoding: 'utf8' });
		} catch {
			return [];
		}
		const pids = out.trim().split(/\s+/).map(Number).filter(Boolean);
		return pids.flatMap((p) => [p, ...children(p)]);
	};
	const worker = children(server.stop.pid).find((pid) =>
		fs.readFileSync(`/proc/${pid}/environ`, 'utf8').includes('NODE_UNIQUE_ID=')
	);
	if (!worker) throw new Error('No Waymark worker found');
	return worker;
}

const rssMb = (pid: number) => {
	const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
	return Number(/VmRSS:\s+(\d+)/.exec(status)![1]) / 1024;
};

const cookie = `waymark-session=${createSession(db, maya.id, { twoFactorVerified: true }).token}`;

async function download() {
	const pid = workerPid();
	// A first small request so the worker has loaded the pages' code before we measure.
	await fetch(`${server.origin}/me`, { headers: { cookie } }).then((r) => r.arrayBuffer());
	const before = rssMb(pid);
	let peak = before;
	const sampler = setInterval(() => (peak = Math.max(peak, rssMb(pid))), 10);
	const started = performance.now();
	const response = await fetch(`${server.origin}/me/export`, { headers: { cookie } });
	let bytes = 0;
	let firstByte = 0;
	for await (const chunk of response.body!) {
		if (!bytes) firstByte = performance.now() - started;
		bytes += (chunk as Uint8Array).length;
	}
	const ms = performance.now() - started;
	clearInterval(sampler);
	return { status: response.status, bytes, ms, firstByte, before, peak };
}

const runs = [];
for (let i = 0; i < 3; i++) runs.push(await download());
server.stop();

const mb = (n: number) => (n / 1024 / 1024).toFixed(1);
const rows = runs.map(
	(r, i) =>
		`| ${i + 1} | ${r.status} | ${mb(r.bytes)} MB | ${(r.ms / 1000).toFixed(1)} s | ${(r.firstByte / 1000).toFixed(2)} s | ${r.before.toFixed(0)} MB | ${r.peak.toFixed(0)} MB | +${(r.peak - r.before).toFixed(0)} MB |`
);
const table = [
	'| Run | Status | Download | Time | First byte | Worker RSS before | Peak RSS | Growth |',
	'| --- | --- | --- | --- | --- | --- | --- | --- |',
	...rows
].join('\n');
console.log(`\n${table}\n`);
// Only the standard size goes into docs/performance.md; other sizes (ENTRIES, PHOTOS) just print.
if (entries === 5000 && photos === 500)
	writeSection(
		'bench:export',
		`Measured by \`npm run bench:export\` (${today()}, ${entries} entries, ${photos} photos of ${(picture.display.length / 1024).toFixed(0)} KB; one worker):\n\n${table}`
	);
