import path from 'node:path';
import { eq } from 'drizzle-orm';
import { startApp } from './lib/app';
import { header, summarise } from './lib/stats';
import { openDatabase } from '../src/lib/server/db';
import { createSession } from '../src/lib/server/auth/session';
import { actorFor, childEntryInput, makeWorld } from '../src/lib/server/test/factories';
import { childProfile, media, user } from '../src/lib/server/db/schema';
import { hashPassword } from '../src/lib/server/auth/password';
import { randomId } from '../src/lib/server/crypto/random';
import { createChildDraft, sendChildEntry } from '../src/lib/server/space/child-entries';
import { seedEntries } from './lib/seed-entries';

// npm run bench:timeline: a child with 2,000 items (1,000 they added, each with a photo, and
// 1,000 staff entries); server-side time for a page of "My story", median and p95 over 300 runs.

const own = 1000;
const runs = 300;
const app = await startApp('timeline');
const db = openDatabase(path.join(app.dataDir, 'waymark.db'));
const w = makeWorld(db);
const childId = w.child.profile.id;
db.update(user)
	.set({ passwordHash: await hashPassword('benchmark pass') })
	.run();
db.update(childProfile)
	.set({ dateOfBirth: '2008-02-11' })
	.where(eq(childProfile.id, childId))
	.run();
const child = actorFor(db, w.child.account!);
db.transaction((tx) => {
	for (let i = 0; i < own; i++) {
		const at = new Date(Date.UTC(2012, 0, 1) + i * 86_400_000 * 4);
		const draft = createChildDraft(
			tx,
			child,
			childEntryInput({
				kind: i % 2 ? 'memory' : 'life_event',
				title: `Something I remember ${i + 1}`,
				eventDate: at.toISOString().slice(0, 7),
				eventPrecision: 'month',
				details: { place: 'Oak House', feelings: ['happy'] }
			}),
			at
		);
		tx.insert(media)
			.values({
				id: randomId(),
				childId,
				entryId: draft.id,
				kind: 'photo',
				mime: 'image/webp',
				extension: 'webp',
				width: 1600,
				height: 1200,
				size: 200_000,
				sha256: 'f'.repeat(64),
				caption: 'A photo',
				uploadedByUserId: child.id,
				createdAt: at
			})
			.run();
		sendChildEntry(tx, child, draft.id, null, at);
	}
});
const staff = seedEntries(db, w.keyWorker, childId, 2000 - own);
const cookie = `waymark-session=${createSession(db, child.id, { twoFactorVerified: true }).token}`;
const items = own + staff.visibleToChild;
const pages = Math.ceil(items / 25);

for (let i = 0; i < 30; i++) await app.get(`/me/story?page=${(i % pages) + 1}`, cookie);
const timings: number[] = [];
for (let i = 0; i < runs; i++) {
	const url = `/me/story?page=${((i * 7) % pages) + 1}`;
	const start = performance.now();
	const { status } = await app.get(url, cookie);
	timings.push(performance.now() - start);
	if (status !== 200) throw new Error(`${url} answered ${status}`);
}
console.log(
	`\n${own + staff.total} items for one child (${items} on her timeline), ${runs} runs.\n`
);
header();
const result = summarise('"My story", a page (25 items, with thumbnails)', timings);
console.log(
	`\nTarget: p95 at most 30 ms. p95: ${result.p95.toFixed(2)} ms: ${result.p95 <= 30 ? 'met' : 'NOT met'}.`
);
db.$client.close();
process.exit(0);
