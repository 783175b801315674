import { createHash } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import type { Db } from '../db';
import { entry, media, type Media } from '../db/schema';
import * as access from '../access';
import { randomId } from '../crypto/random';
import { MediaError, cleanAudio, processPhoto, writeMedia, removeMedia } from '../media';
import { childDraft } from './child-entries';

/**
 * Photos and voice recordings for a child's draft. What is kept is what the server made: photos
 * re-encoded without any metadata, recordings rebuilt with their sound only (no tags, no video).
 * The hash chained into the entry is the hash of the bytes kept.
 */

export type Upload = { bytes: Uint8Array; caption: string };

const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

/** Adds each photo; returns the problems (an i18n key per refused photo, in order). */
export async function addPhotos(
	db: Db,
	actor: access.Actor,
	entryId: string,
	uploads: Upload[],
	now = new Date()
): Promise<string[]> {
	const draft = childDraft(db, actor, entryId, now);
	const problems: string[] = [];
	for (const upload of uploads) {
		try {
			const photo = await processPhoto(upload.bytes);
			const id = randomId();
			await writeMedia(id, [
				{ variant: 'display', extension: 'webp', bytes: photo.display },
				{ variant: 'thumb', extension: 'webp', bytes: photo.thumb }
			]);
			const row: Media = {
				id,
				childId: draft.childId,
				entryId,
				kind: 'photo',
				mime: 'image/webp',
				extension: 'webp',
				width: photo.width,
				height: photo.height,
				size: photo.display.length,
				sha256: sha256(photo.display),
				thumbSha256: sha256(photo.thumb),
				caption: upload.caption.slice(0, 300),
				uploadedByUserId: actor.id,
				createdAt: now
			};
			db.insert(media).values(row).run();
		} catch (e) {
			if (e instanceof MediaError) problems.push(e.key);
			else throw e;
		}
	}
	return problems;
}

/** Adds a voice recording; returns a problem key when refused. */
export async function addRecording(
	db: Db,
	actor: access.Actor,
	entryId: string,
	bytes: Uint8Array,
	now = new Date()
): Promise<string | null> {
	const draft = childDraft(db, actor, entryId, now);
	try {
		const audio = await cleanAudio(bytes);
		const id = randomId();
		await writeMedia(id, [{ variant: 'audio', extension: audio.extension, bytes: audio.bytes }]);
		db.insert(media)
			.values({
				id,
				childId: draft.childId,
				entryId,
				kind: 'audio',
				mime: audio.mime,
				extension: audio.extension,
				width: null,
				height: null,
				size: audio.bytes.length,
				sha256: sha256(audio.bytes),
				thumbSha256: null,
				caption: '',
				uploadedByUserId: actor.id,
				createdAt: now
			})
			.run();
		return null;
	} catch (e) {
		if (e instanceof MediaError) return e.key;
		throw e;
	}
}

/** Takes a photo or recording off a draft (never off a final entry: the database refuses). */
export async function removeAttachment(
	db: Db,
	actor: access.Actor,
	mediaId: string,
	entryId: string,
	now = new Date()
): Promise<string> {
	const row = db.select().from(media).where(eq(media.id, mediaId)).get();
	if (!row || row.entryId !== entryId) throw new access.AccessDenied('not-found');
	childDraft(db, actor, row.entryId, now);
	db.delete(media)
		.where(and(eq(media.id, mediaId), eq(media.entryId, row.entryId)))
		.run();
	await removeMedia(mediaId);
	return row.entryId;
}

/**
 * A file for someone who may see the entry it belongs to (a draft: its author only), or
 * AccessDenied. Returns what the media route needs to serve it.
 */
export function mediaForReader(
	db: Db,
	actor: access.Actor,
	mediaId: string,
	now = new Date()
): Media {
	const row = db.select().from(media).where(eq(media.id, mediaId)).get();
	if (!row) throw new access.AccessDenied('not-found');
	const owner = db.select().from(entry).where(eq(entry.id, row.entryId)).get();
	if (!owner) throw new access.AccessDenied('not-found');
	const relation = access.requireChild(db, actor, 'viewRecord', owner.childId, now);
	if (access.entryView(actor, relation, owner) !== 'full') throw new access.AccessDenied();
	return row;
}
