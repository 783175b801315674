import { mkdir, mkdtemp, readdir, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { randomId } from '../crypto/random';
import { isMediaId, mediaFile, readMedia, removeMedia, writeMedia } from './store';

let dataDir = '';
const before = process.env.DATA_DIR;

beforeAll(async () => {
	dataDir = await mkdtemp(path.join(tmpdir(), 'waymark-media-'));
	process.env.DATA_DIR = dataDir;
});

afterAll(async () => {
	if (before === undefined) delete process.env.DATA_DIR;
	else process.env.DATA_DIR = before;
	await rm(dataDir, { recursive: true, force: true });
});

const root = () => path.join(dataDir, 'media');
const photoFiles = (display = 'display bytes', thumb = 'thumb bytes') => [
	{ variant: 'display' as const, extension: 'webp', bytes: Buffer.from(display) },
	{ variant: 'thumb' as const, extension: 'webp', bytes: Buffer.from(thumb) }
];

const hostileIds = [
	'',
	'.',
	'..',
	'../x',
	'a/b',
	'a\\b',
	'/etc/passwd',
	'..%2f..%2fetc',
	'abcdefghijklmnopqrstuvw',
	'abcdefghijklmnopqrstuvwxy',
	'ABCDEFGHIJKLMNOPQRSTUVWX',
	'abcdefghijklmnopqrstuv01',
	'abcdefghijklmnopqrstuvw\0',
	'abcdefghijklmnopqrstuvwx\n',
	'../abcdefghijklmnopqrstu',
	'x'.repeat(5000)
];

describe('where media files live', () => {
	it('knows an id the server made, and nothing else', () => {
		for (let i = 0; i < 500; i++) expect(isMediaId(randomId())).toBe(true);
		for (const id of hostileIds) expect(isMediaId(id), JSON.stringify(id)).toBe(false);
	});

	it('names a file inside DATA_DIR/media from an id, a variant and an extension', () => {
		const id = randomId();
		expect(mediaFile(id, 'display', 'webp')).toBe(path.join(root(), id, 'display.webp'));
		expect(mediaFile(id, 'audio', 'm4a')).toBe(path.join(root(), id, 'audio.m4a'));
		for (const bad of hostileIds) expect(() => mediaFile(bad, 'thumb', 'webp')).toThrow();
		for (const variant of ['../x', 'display/../../x', '', 'constructor', '__proto__', 'original']) {
			expect(() => mediaFile(id, variant as 'display', 'webp'), variant).toThrow();
		}
		for (const [variant, extension] of [
			['display', 'webp/../../x'],
			['display', 'png'],
			['display', 'webm'],
			['audio', 'webp'],
			['audio', 'mp3'],
			['thumb', '']
		] as const) {
			expect(() => mediaFile(id, variant, extension), `${variant}.${extension}`).toThrow();
		}
	});
});

describe('writing, reading and removing', () => {
	it('writes files readable by the server only, and reads them back', async () => {
		const id = randomId();
		await writeMedia(id, photoFiles());
		const display = mediaFile(id, 'display', 'webp');
		expect((await readMedia(display)).toString()).toBe('display bytes');
		expect((await readMedia(mediaFile(id, 'thumb', 'webp'))).toString()).toBe('thumb bytes');
		expect((await stat(display)).mode & 0o777).toBe(0o600);
		expect((await stat(path.dirname(display))).mode & 0o777).toBe(0o700);
		expect((await stat(root())).mode & 0o777).toBe(0o700);
		expect((await readdir(path.dirname(display))).sort()).toEqual(['display.webp', 'thumb.webp']);
	});

	it('replaces a file whole when written again', async () => {
		const id = randomId();
		await writeMedia(id, [{ variant: 'audio', extension: 'ogg', bytes: Buffer.from('first') }]);
		await writeMedia(id, [{ variant: 'audio', extension: 'ogg', bytes: Buffer.from('second') }]);
		expect((await readMedia(mediaFile(id, 'audio', 'ogg'))).toString()).toBe('second');
		expect(await readdir(path.join(root(), id))).toEqual(['audio.ogg']);
	});

	it('writes nothing for a bad id, variant or extension', async () => {
		for (const id of hostileIds) {
			await expect(writeMedia(id, photoFiles())).rejects.toThrow();
		}
		const id = randomId();
		const files = [
			...photoFiles(),
			{ variant: 'audio' as const, extension: 'sh', bytes: Buffer.from('x') }
		];
		await expect(writeMedia(id, files)).rejects.toThrow();
		await expect(stat(path.join(root(), id))).rejects.toThrow(/ENOENT/);
		expect((await readdir(dataDir)).sort()).toEqual(['media']);
	});

	it('takes back what it wrote when a later file cannot be written', async () => {
		const id = randomId();
		// A directory where the thumbnail should go makes its rename fail.
		await mkdir(path.join(root(), id, 'thumb.webp', 'in-the-way'), { recursive: true });
		await expect(writeMedia(id, photoFiles())).rejects.toThrow();
		expect(await readdir(path.join(root(), id))).toEqual(['thumb.webp']);
	});

	it('reads only files named by mediaFile', async () => {
		const id = randomId();
		await writeMedia(id, photoFiles());
		await writeFile(path.join(dataDir, 'waymark.db'), 'secret');
		const outside = [
			path.join(dataDir, 'waymark.db'),
			path.join(root(), '..', 'waymark.db'),
			path.join(root(), id, '..', '..', 'waymark.db'),
			path.join(root(), id, 'display.webp.tmp'),
			path.join(root(), id, 'original.jpg'),
			path.join(root(), id),
			root(),
			'/etc/passwd',
			'waymark.db'
		];
		for (const file of outside) await expect(readMedia(file), file).rejects.toThrow();
	});

	it('removes every file of one photo or recording, and nothing else', async () => {
		const [kept, removed] = [randomId(), randomId()];
		await writeMedia(kept, photoFiles());
		await writeMedia(removed, photoFiles());
		await removeMedia(removed);
		await expect(stat(path.join(root(), removed))).rejects.toThrow(/ENOENT/);
		expect(await readdir(path.join(root(), kept))).toHaveLength(2);
		await removeMedia(removed);
		for (const id of hostileIds) await expect(removeMedia(id), id).rejects.toThrow();
		expect(await readdir(path.join(root(), kept))).toHaveLength(2);
		expect(await readdir(dataDir)).toContain('waymark.db');
	});
});
