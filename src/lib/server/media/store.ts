import { randomBytes } from 'node:crypto';
import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { dataDir } from '../config';

/**
 * The files the server made, under DATA_DIR/media/<id>/<variant>.<extension>. Every part of a
 * path is checked against what the server itself produces, so no id, variant or extension can
 * point anywhere else; the name an upload came with is never used.
 */

export type Variant = 'display' | 'thumb' | 'audio';
export type MediaFile = { variant: Variant; extension: string; bytes: Uint8Array };

const extensions: Record<Variant, readonly string[]> = {
	display: ['webp'],
	thumb: ['webp'],
	audio: ['webm', 'ogg', 'm4a']
};

/** The exact shape of `randomId()`: 15 random bytes, base32, lower case, no padding. */
export function isMediaId(id: string): boolean {
	return /^[a-z2-7]{24}$/.test(id);
}

function mediaRoot(): string {
	return path.join(dataDir(), 'media');
}

function mediaDir(id: string): string {
	if (!isMediaId(id)) throw new Error('Not a media id');
	return path.join(mediaRoot(), id);
}

/** Where one file of a photo or recording lives; throws on anything we did not make. */
export function mediaFile(id: string, variant: Variant, extension: string): string {
	if (!Object.hasOwn(extensions, variant)) throw new Error('Not a media variant');
	if (!extensions[variant].includes(extension)) throw new Error('Not a media extension');
	return path.join(mediaDir(id), `${variant}.${extension}`);
}

/**
 * Writes each file whole or not at all (a temporary file, then rename), readable by us only.
 * If one fails, the ones already written by this call are taken away again.
 */
export async function writeMedia(id: string, files: MediaFile[]): Promise<void> {
	const targets = files.map((f) => ({
		file: mediaFile(id, f.variant, f.extension),
		bytes: f.bytes
	}));
	await mkdir(mediaDir(id), { recursive: true, mode: 0o700 });
	const written: string[] = [];
	for (const { file, bytes } of targets) {
		const temp = `${file}.${randomBytes(6).toString('hex')}.tmp`;
		try {
			await writeFile(temp, bytes, { mode: 0o600, flag: 'wx', flush: true });
			await rename(temp, file);
			written.push(file);
		} catch (e) {
			await Promise.all([temp, ...written].map((f) => rm(f, { force: true })));
			throw e;
		}
	}
}

/** The bytes of a file named by `mediaFile` (any other path is refused). */
export async function readMedia(file: string): Promise<Buffer> {
	const resolved = path.resolve(file);
	const { dir, name, ext } = path.parse(resolved);
	if (resolved !== mediaFile(path.basename(dir), name as Variant, ext.slice(1))) {
		throw new Error('Not a media file');
	}
	return readFile(resolved);
}

/** Removes every file of a photo or recording (nothing happens if there are none). */
export async function removeMedia(id: string): Promise<void> {
	await rm(mediaDir(id), { recursive: true, force: true });
}
