import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import sharp from 'sharp';
import { eq } from 'drizzle-orm';
import { createTestDb } from '../test/db';
import { actorFor, childEntryInput, makeWorld } from '../test/factories';
import { media } from '../db/schema';
import { AccessDenied } from '../access';
import { mediaFile } from '../media';
import { verifyChains } from '../record/verify';
import { addPhotos, addRecording, mediaForReader, removeAttachment } from './attachments';
import { createChildDraft, sendChildEntry } from './child-entries';

let dir: string;
const previous = process.env.DATA_DIR;
beforeAll(() => {
	dir = fs.mkdtempSync(path.join(os.tmpdir(), 'waymark-attachments-'));
	process.env.DATA_DIR = dir;
});
afterAll(() => {
	process.env.DATA_DIR = previous;
	fs.rmSync(dir, { recursive: true, force: true });
});

/** A phone photo with its location and maker in it. */
const photo = () =>
	sharp({ create: { width: 800, height: 600, channels: 3, background: '#3a7' } })
		.jpeg()
		.withExif({
			IFD0: { Make: 'PhoneMaker' },
			IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '51/1 28/1 0/1' }
		})
		.toBuffer();

/** Real recordings full of tags and a location (src/lib/server/media/fixtures/make.sh). */
const recording = (name: string) =>
	fs.readFileSync(new URL(`../media/fixtures/${name}`, import.meta.url));
const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

function setup() {
	const db = createTestDb();
	const w = makeWorld(db);
	const child = actorFor(db, w.child.account!);
	return { db, w, child, draft: createChildDraft(db, child, childEntryInput()) };
}

describe("photos and recordings on a child's entry", () => {
	it('keeps only what the server made: upright WebP copies with no metadata, refusing what is not a photo', async () => {
		const { db, child, draft } = setup();
		const problems = await addPhotos(db, child, draft.id, [
			{ bytes: await photo(), caption: 'At the park' },
			{ bytes: Buffer.from('%PDF-1.4 pretending'), caption: '' }
		]);
		expect(problems).toEqual(['media.problem.notPhoto']);
		const rows = db.select().from(media).where(eq(media.entryId, draft.id)).all();
		expect(rows).toHaveLength(1);
		expect(rows[0]).toMatchObject({ kind: 'photo', mime: 'image/webp', caption: 'At the park' });
		const stored = fs.readFileSync(mediaFile(rows[0]!.id, 'display', 'webp'));
		const meta = await sharp(stored).metadata();
		expect(meta.format).toBe('webp');
		expect(meta.exif).toBeUndefined();
		expect(stored.includes(Buffer.from('PhoneMaker'))).toBe(false);
	});

	it('keeps a recording rebuilt without its tags, and refuses a video or what is not audio', async () => {
		const { db, w, child, draft } = setup();
		const upload = recording('voice.ogg');
		expect(await addRecording(db, child, draft.id, upload)).toBeNull();
		expect(await addRecording(db, child, draft.id, Buffer.from('ID3 an mp3'))).toBe(
			'media.problem.notAudio'
		);
		expect(await addRecording(db, child, draft.id, recording('video.mp4'))).toBe(
			'media.problem.video'
		);
		const rows = db.select().from(media).where(eq(media.entryId, draft.id)).all();
		expect(rows.map((r) => [r.kind, r.mime, r.extension])).toEqual([['audio', 'audio/ogg', 'ogg']]);
		const stored = fs.readFileSync(mediaFile(rows[0]!.id, 'audio', 'ogg'));
		expect(stored.includes(Buffer.from('51.5074'))).toBe(false);
		expect(stored.includes(Buffer.from('SecretTitleHere'))).toBe(false);
		// The hash kept, and chained when the entry is sent, is the hash of the bytes stored.
		expect(rows[0]!.sha256).toBe(sha256(stored));
		expect(rows[0]!.sha256).not.toBe(sha256(upload));
		expect(rows[0]!.size).toBe(stored.length);
		const sent = sendChildEntry(db, child, draft.id, null);
		expect(sent.details?.media).toEqual([
			{ id: rows[0]!.id, kind: 'audio', sha256: sha256(stored), caption: '' }
		]);
		expect(mediaForReader(db, actorFor(db, w.keyWorker), rows[0]!.id).sha256).toBe(sha256(stored));
	});

	it("chain each file's hash into the entry when it is sent; after that nothing can change them", async () => {
		const { db, w, child, draft } = setup();
		await addPhotos(db, child, draft.id, [{ bytes: await photo(), caption: '' }]);
		const [row] = db.select().from(media).where(eq(media.entryId, draft.id)).all();
		const sent = sendChildEntry(db, child, draft.id, null);
		expect(sent.details?.media).toEqual([
			{
				id: row!.id,
				kind: 'photo',
				sha256: row!.sha256,
				thumbSha256: row!.thumbSha256,
				caption: ''
			}
		]);
		expect(verifyChains(db).ok).toBe(true);
		await expect(removeAttachment(db, child, row!.id, draft.id)).rejects.toThrow(AccessDenied);
		expect(() => db.delete(media).where(eq(media.id, row!.id)).run()).toThrow(/cannot be deleted/);
		// Workers may see it ("me and my workers"); the advocate may not.
		expect(mediaForReader(db, actorFor(db, w.keyWorker), row!.id).id).toBe(row!.id);
		expect(() => mediaForReader(db, actorFor(db, w.advocate), row!.id)).toThrow(AccessDenied);
	});

	it('lets only the child add to or take from their own draft', async () => {
		const { db, w, child, draft } = setup();
		await expect(
			addPhotos(db, actorFor(db, w.keyWorker), draft.id, [{ bytes: await photo(), caption: '' }])
		).rejects.toThrow(AccessDenied);
		await addPhotos(db, child, draft.id, [{ bytes: await photo(), caption: '' }]);
		const [row] = db.select().from(media).where(eq(media.entryId, draft.id)).all();
		expect(() => mediaForReader(db, actorFor(db, w.keyWorker), row!.id)).toThrow(AccessDenied);
		await removeAttachment(db, child, row!.id, draft.id);
		expect(db.select().from(media).where(eq(media.entryId, draft.id)).all()).toEqual([]);
		expect(fs.existsSync(mediaFile(row!.id, 'display', 'webp'))).toBe(false);
	});
});
