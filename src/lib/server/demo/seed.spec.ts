import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import sharp from 'sharp';
import { createTestDb } from '../test/db';
import { seedDemo } from './seed';
import { writeDemoSignIns } from './sign-ins-file';
import { isEmpty } from '../accounts/bootstrap';
import { signInWithPassword } from '../auth/sign-in';
import { checkPassword } from '../auth/password';
import { and, eq, inArray } from 'drizzle-orm';
import { childProfile, entry, media, meeting, organisation, unit, user } from '../db/schema';
import { verifyChains } from '../record/verify';
import { checkAudio, mediaFile } from '../media';
import { oggCrc } from './space';
import { statesOf } from '../disagreements/state';
import { actorFor } from '../test/factories';
import { today } from '../dates/day';
import { breakFor, chapterOf, chaptersOf } from '../read-model/chapters';

// The demo child's photos and recording are files under DATA_DIR/media: a temporary one here.
const before = process.env.DATA_DIR;
let dataDir = '';
beforeAll(() => {
	dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'waymark-demo-data-'));
	process.env.DATA_DIR = dataDir;
});
afterAll(() => {
	if (before === undefined) delete process.env.DATA_DIR;
	else process.env.DATA_DIR = before;
	fs.rmSync(dataDir, { recursive: true, force: true });
});

// Seeding paints and re-encodes the demo photos: about 1 to 2 seconds on a quiet machine. Seeding
// the whole demo twice (argon2 for every account) on a busy 2-core machine, beside the
// client project's Chromium, takes well over 30 s.
const seeding = { timeout: 180_000 };

describe('the demo seed', () => {
	it(
		'makes one home, one team and one account of each role, each able to sign in',
		seeding,
		async () => {
			const db = createTestDb();
			expect(isEmpty(db)).toBe(true);
			const signIns = await seedDemo(db);
			expect(isEmpty(db)).toBe(false);
			expect(signIns.map((s) => s.role).sort()).toEqual(
				[
					'admin',
					'advocate',
					'care-leaver',
					'child',
					'key-worker',
					'manager',
					'personal-adviser',
					'social-worker'
				].sort()
			);
			expect(db.select().from(organisation).all()).toHaveLength(1);
			expect(
				db
					.select({ kind: unit.kind })
					.from(unit)
					.all()
					.map((u) => u.kind)
					.sort()
			).toEqual(['home', 'team']);
			expect(db.select().from(childProfile).all()).toHaveLength(2);
			for (const s of signIns) {
				const role = db
					.select()
					.from(user)
					.all()
					.find((u) => u.username === s.username)!.role;
				expect(checkPassword(s.password, role, s.username), s.username).toBeNull();
				const result = await signInWithPassword(db, {
					username: s.username,
					password: s.password,
					address: '::1'
				});
				expect(result.outcome, s.username).toBe('signed-in');
			}
		}
	);

	it(
		'gives the demo child a realistic record: every kind, nature and visibility, a late entry, a correction, a confidential item',
		seeding,
		async () => {
			const db = createTestDb();
			await seedDemo(db);
			// Her staff record (what she added herself is checked below).
			const rows = db
				.select()
				.from(entry)
				.where(
					and(
						eq(entry.status, 'final'),
						inArray(entry.kind, ['record_entry', 'decision', 'correction'])
					)
				)
				.all();
			expect(rows.length).toBeGreaterThanOrEqual(30);
			const distinct = (pick: (e: (typeof rows)[number]) => string) =>
				[...new Set(rows.map(pick))].sort();
			expect(distinct((e) => e.kind)).toEqual(['correction', 'decision', 'record_entry']);
			expect(distinct((e) => e.nature)).toEqual(['decision', 'fact', 'opinion', 'third_party']);
			expect(distinct((e) => e.visibility)).toEqual(['confidential', 'shared', 'staff_only']);
			expect(rows.filter((e) => e.isLate && e.kind !== 'correction').length).toBeGreaterThanOrEqual(
				1
			);
			expect(
				rows.filter((e) => e.kind === 'correction' && e.supersedesId).length
			).toBeGreaterThanOrEqual(1);
			expect(rows.filter((e) => e.visibility === 'confidential').length).toBeGreaterThanOrEqual(1);
			expect(rows.some((e) => e.translations.some((t) => t.locale === 'cy'))).toBe(true);
			expect(rows.some((e) => e.nature === 'third_party' && !e.thirdPartyPermission)).toBe(true);
			expect(verifyChains(db).ok).toBe(true);
		}
	);

	it(
		'gives the demo child a lived-in space: reviews coming, views answered, life events and memories with photos',
		seeding,
		async () => {
			const db = createTestDb();
			const now = new Date();
			await seedDemo(db, now);
			const today = now.toISOString().slice(0, 10);
			const coming = db
				.select()
				.from(meeting)
				.all()
				.filter((m) => m.date >= today && !m.cancelledAt);
			expect(coming.map((m) => m.kind).sort()).toEqual(['looked_after_review', 'pep_meeting']);
			const review = coming.find((m) => m.kind === 'looked_after_review')!;
			expect(review).toMatchObject({
				time: '10:00',
				chairedBy: expect.stringContaining('Helen Price')
			});
			const days = (Date.parse(review.date) - Date.parse(today)) / 86_400_000;
			expect(days).toBeGreaterThanOrEqual(21);
			expect(days).toBeLessThanOrEqual(23);

			const final = db.select().from(entry).where(eq(entry.status, 'final')).all();
			const files = db.select().from(media).all();
			const filesOf = (id: string) => files.filter((f) => f.entryId === id);
			const views = final.filter((e) => e.kind === 'view');
			expect(views.length).toBeGreaterThanOrEqual(3);
			expect(views.some((v) => filesOf(v.id).some((f) => f.kind === 'audio'))).toBe(true);
			expect(views.some((v) => v.sourceKind === 'helped' && v.details?.helperId)).toBe(true);
			expect(new Set(views.map((v) => v.visibility))).toEqual(
				new Set(['workers', 'advocate', 'record'])
			);
			const answers = final.filter((e) => e.kind === 'view_response');
			expect(answers.some((a) => views.some((v) => v.id === a.supersedesId))).toBe(true);
			expect(answers.some((a) => a.authorPostTitle === 'Residential key worker')).toBe(true);

			const events = final.filter((e) => e.kind === 'life_event');
			expect(events.length).toBeGreaterThanOrEqual(5);
			expect(new Set(events.map((e) => e.eventDate.slice(0, 4))).size).toBeGreaterThanOrEqual(3);
			expect(events.some((e) => e.details?.age !== undefined)).toBe(true);
			expect(events.some((e) => e.eventPrecision === 'about' && e.eventLabel)).toBe(true);
			const memories = final.filter((e) => e.kind === 'memory');
			expect(memories.length).toBeGreaterThanOrEqual(3);
			for (const m of memories) {
				expect(filesOf(m.id).filter((f) => f.kind === 'photo').length, m.title).toBeGreaterThan(0);
				expect(m.details?.media?.length, m.title).toBe(filesOf(m.id).length);
			}
			expect(final.filter((e) => e.visibility === 'just_me')).toHaveLength(1);
			// No call for help: it would alarm staff looking at the demo inbox.
			expect(final.filter((e) => e.kind === 'safety_request')).toHaveLength(0);
			for (const e of final.filter((e) => ['view', 'life_event', 'memory'].includes(e.kind))) {
				expect(e.recordedAt!.getTime(), e.title).toBeLessThanOrEqual(now.getTime());
			}

			// Every photo is a WebP the server made, with no metadata; the recording is real Ogg Opus.
			const photos = files.filter((f) => f.kind === 'photo');
			expect(photos.length).toBeGreaterThanOrEqual(5);
			for (const photo of photos) {
				for (const variant of ['display', 'thumb'] as const) {
					const info = await sharp(
						fs.readFileSync(mediaFile(photo.id, variant, 'webp'))
					).metadata();
					expect(info.format).toBe('webp');
					expect(info.exif).toBeUndefined();
					expect(info.icc).toBeUndefined();
				}
			}
			const audio = files.filter((f) => f.kind === 'audio');
			for (const recording of audio) {
				const bytes = fs.readFileSync(mediaFile(recording.id, 'audio', recording.extension));
				expect(checkAudio(bytes)).toEqual({ mime: 'audio/ogg', extension: 'ogg' });
				// Each Ogg page's checksum is right (and the last page ends the stream).
				let at = 0;
				let pages = 0;
				let last = 0;
				while (at < bytes.length) {
					expect(bytes.toString('latin1', at, at + 4)).toBe('OggS');
					const segments = bytes[at + 26]!;
					let size = 27 + segments;
					for (let i = 0; i < segments; i++) size += bytes[at + 27 + i]!;
					const page = Buffer.from(bytes.subarray(at, at + size));
					const crc = page.readUInt32LE(22);
					page.writeUInt32LE(0, 22);
					expect(oggCrc(page)).toBe(crc);
					last = bytes[at + 5]!;
					at += size;
					pages++;
				}
				expect(pages).toBeGreaterThan(2);
				expect(last & 0x04).toBe(0x04);
			}
			expect(verifyChains(db).ok).toBe(true);
		}
	);

	it(
		'has one disagreement open and near its due date, and one answered and linked to Mosaic',
		seeding,
		async () => {
			const db = createTestDb();
			const now = new Date();
			await seedDemo(db, now);
			const maya = db.select().from(childProfile).get()!;
			const rows = db
				.select()
				.from(entry)
				.where(and(eq(entry.childId, maya.id), eq(entry.kind, 'disagreement')))
				.all();
			const states = statesOf(db, rows, now.toISOString().slice(0, 10));
			const open = states.filter((d) => d.status !== 'decided');
			const answered = states.filter((d) => d.status === 'decided');
			expect(open).toHaveLength(1);
			expect(open[0]!.daysLeft).toBeGreaterThanOrEqual(0);
			expect(open[0]!.daysLeft).toBeLessThanOrEqual(7);
			expect(open[0]!.handler).not.toBeNull();
			expect(answered).toHaveLength(1);
			expect(answered[0]!.decision?.outcome).toBe('side_added');
			expect(answered[0]!.links.map((l) => l.system)).toEqual(['mosaic']);
			expect(verifyChains(db).ok).toBe(true);
		}
	);

	it(
		'gives Jordan, the care leaver, a history from childhood to come back to, calmly',
		seeding,
		async () => {
			const db = createTestDb();
			await seedDemo(db);
			const account = db.select().from(user).where(eq(user.username, 'jordan')).get()!;
			const jordan = db
				.select()
				.from(childProfile)
				.where(eq(childProfile.userId, account.id))
				.get()!;
			expect(account.role).toBe('care_leaver');
			expect(jordan.leftCareOn).toBe('2021-03-09');
			const rows = db
				.select()
				.from(entry)
				.where(and(eq(entry.childId, jordan.id), eq(entry.status, 'final')))
				.all();
			const shared = rows.filter((e) => e.visibility === 'shared');
			expect(new Set(shared.map((e) => e.eventDate.slice(0, 4))).size).toBeGreaterThanOrEqual(8);
			expect(shared.filter((e) => e.contentNote).length).toBeGreaterThanOrEqual(2);
			expect(
				rows.some(
					(e) =>
						e.nature === 'third_party' && !e.thirdPartyPermission && e.visibility === 'staff_only'
				)
			).toBe(true);
			const memories = rows.filter((e) => e.kind === 'memory');
			expect(memories.length).toBeGreaterThanOrEqual(2);
			expect(memories.every((m) => m.details?.media?.some((f) => f.kind === 'photo'))).toBe(true);
			const disputes = statesOf(
				db,
				rows.filter((e) => e.kind === 'disagreement'),
				today()
			);
			expect(disputes.map((d) => d.decision?.outcome)).toEqual(['side_added']);
			const adviser = db.select().from(user).where(eq(user.username, 'dee.walsh')).get()!;
			expect(adviser.role).toBe('personal_adviser');
			const actor = actorFor(db, account);
			const chapters = chaptersOf(db, actor).chapters.map((c) => c.year);
			expect(chapters[0]).toBe('2003');
			const seen = chapters.flatMap((year) => chapterOf(db, actor, year, 'en-GB').entries);
			expect(seen.some((c) => c.view === 'full' && c.title.includes('grandmother'))).toBe(false);
			expect(breakFor(db, actor).workers.map((w) => w.name)).toContain('Dee Walsh');
			expect(verifyChains(db).ok).toBe(true);
		}
	);

	it('makes different passwords on every install', seeding, async () => {
		const a = await seedDemo(createTestDb());
		const b = await seedDemo(createTestDb());
		expect(a.map((s) => s.password)).not.toEqual(b.map((s) => s.password));
	});

	it('writes the sign-ins one per line, readable by the owner only', () => {
		const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'waymark-demo-'));
		const file = writeDemoSignIns(dir, [
			{ role: 'child', username: 'maya', password: 'abcd-efgh-jkmn' },
			{ role: 'key-worker', username: 'sam.okafor', password: 'abcd-efgh-jkmn-pqrs' }
		]);
		expect(fs.readFileSync(file, 'utf8')).toBe(
			'child maya abcd-efgh-jkmn\nkey-worker sam.okafor abcd-efgh-jkmn-pqrs\n'
		);
		expect(fs.statSync(file).mode & 0o777).toBe(0o600);
		fs.rmSync(dir, { recursive: true, force: true });
	});
});
