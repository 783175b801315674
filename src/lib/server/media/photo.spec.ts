import { crc32 } from 'node:zlib';
import sharp from 'sharp';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { MediaError } from './errors';
import { maxPhotoBytes } from './limits';
import { photoFormat, processPhoto } from './photo';

// Every sharp() call goes through this spy, so a test can tell that an upload was refused
// before any decoder saw it.
vi.mock('sharp', async (importOriginal) => {
	const real = ((await importOriginal()) as { default: typeof sharp }).default;
	return { default: Object.assign(vi.fn(real), real) };
});
const sharpCalls = vi.mocked(sharp);
beforeEach(() => sharpCalls.mockClear());

// Hostile and ordinary uploads, all made here: no binary fixtures.

const secrets = ['GPS', 'Exif', '<x:xmpmeta', 'SecretCam', 'Secret Person', 'Secretville', '8BIM'];

const xmp =
	'<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">' +
	'<rdf:Description xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:creator>Secret Person</dc:creator>' +
	'</rdf:Description></rdf:RDF></x:xmpmeta>';

const exif = {
	IFD0: { Make: 'SecretCam', Model: 'Model 9', ImageDescription: 'Secret Person at home' },
	IFD2: { DateTimeOriginal: '2024:03:14 15:09:26' },
	IFD3: {
		GPSLatitudeRef: 'N',
		GPSLatitude: '51/1 30/1 0/1',
		GPSLongitudeRef: 'W',
		GPSLongitude: '3/1 10/1 0/1'
	}
};

/** A picture with a red block in its stored top-left corner, on white. */
function picture(width: number, height: number) {
	const corner = { width: width / 4, height: height / 4, channels: 3, background: '#f00' } as const;
	return sharp({ create: { width, height, channels: 3, background: '#fff' } }).composite([
		{ input: { create: corner }, top: 0, left: 0 }
	]);
}

/** A photo carrying everything a phone (or someone unkind) might put in one. */
async function taggedPhoto(format: 'jpeg' | 'png' | 'webp', orientation = 1) {
	const image = picture(400, 200).withMetadata({ orientation }).withExif(exif).withXmp(xmp);
	const bytes = await image.withIccProfile('p3').toFormat(format).toBuffer();
	return format === 'jpeg' ? withIptc(bytes) : bytes;
}

/** Inserts an IPTC record (Photoshop APP13) after a JPEG's SOI marker: sharp cannot write one. */
function withIptc(jpeg: Buffer) {
	const dataset = (tag: number, value: string) =>
		Buffer.concat([Buffer.from([0x1c, 2, tag, 0, value.length]), Buffer.from(value, 'latin1')]);
	const iptc = Buffer.concat([dataset(120, 'Secret Person'), dataset(90, 'Secretville')]);
	const resource = Buffer.concat([
		Buffer.from('8BIM', 'latin1'),
		Buffer.from([0x04, 0x04, 0, 0]),
		Buffer.from([0, 0, iptc.length >> 8, iptc.length & 0xff]),
		iptc,
		Buffer.alloc(iptc.length % 2)
	]);
	const payload = Buffer.concat([Buffer.from('Photoshop 3.0\0', 'latin1'), resource]);
	const size = payload.length + 2;
	const segment = Buffer.concat([Buffer.from([0xff, 0xed, size >> 8, size & 0xff]), payload]);
	return Buffer.concat([jpeg.subarray(0, 2), segment, jpeg.subarray(2)]);
}

/** A PNG header declaring width x height, with correct CRCs: a few dozen bytes, no pixels. */
function pngClaiming(width: number, height: number) {
	const chunk = (type: string, data: Buffer) => {
		const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
		const out = Buffer.alloc(body.length + 8);
		out.writeUInt32BE(data.length, 0);
		body.copy(out, 4);
		out.writeUInt32BE(crc32(body), body.length + 4);
		return out;
	};
	const ihdr = Buffer.alloc(13);
	ihdr.writeUInt32BE(width, 0);
	ihdr.writeUInt32BE(height, 4);
	ihdr.set([8, 2, 0, 0, 0], 8);
	return Buffer.concat([
		Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
		chunk('IHDR', ihdr),
		chunk('IDAT', Buffer.from([0x78, 0x9c, 0x63, 0x00, 0x00, 0x00, 0x01, 0x00, 0x01])),
		chunk('IEND', Buffer.alloc(0))
	]);
}

/** A small JPEG whose frame header is rewritten to claim width x height. */
async function jpegClaiming(width: number, height: number) {
	const jpeg = Buffer.from(await picture(16, 16).jpeg().toBuffer());
	const sof = jpeg.indexOf(Buffer.from([0xff, 0xc0]));
	jpeg.writeUInt16BE(height, sof + 5);
	jpeg.writeUInt16BE(width, sof + 7);
	return jpeg;
}

async function problem(input: Uint8Array): Promise<string> {
	const e = await processPhoto(input).then(
		() => null,
		(e: unknown) => e
	);
	expect(e, 'the upload should be refused').toBeInstanceOf(MediaError);
	return (e as MediaError).key;
}

/** What a kept image must be: WebP, and nothing of the upload but its pixels. */
async function expectClean(image: Buffer) {
	expect(photoFormat(image)).toBe('webp');
	const meta = await sharp(image).metadata();
	expect(meta.format).toBe('webp');
	expect(meta).not.toHaveProperty('exif');
	expect(meta).not.toHaveProperty('xmp');
	expect(meta).not.toHaveProperty('iptc');
	expect(meta).not.toHaveProperty('icc');
	expect(meta.hasProfile).toBe(false);
	expect(meta.orientation ?? 1).toBe(1);
	const text = image.toString('latin1');
	for (const secret of [...secrets, '<script']) expect(text).not.toContain(secret);
}

describe('photos we keep', () => {
	it('re-encodes JPEG, PNG and WebP to WebP at display and thumbnail size', async () => {
		for (const format of ['jpeg', 'png', 'webp'] as const) {
			const photo = await processPhoto(await picture(2000, 1000).toFormat(format).toBuffer());
			expect(photo, format).toMatchObject({
				width: 1600,
				height: 800,
				thumbWidth: 320,
				thumbHeight: 160
			});
			await expectClean(photo.display);
			await expectClean(photo.thumb);
			expect(await sharp(photo.display).metadata()).toMatchObject({ width: 1600, height: 800 });
			expect(await sharp(photo.thumb).metadata()).toMatchObject({ width: 320, height: 160 });
		}
	});

	it('never enlarges a small photo', async () => {
		const photo = await processPhoto(await picture(120, 80).png().toBuffer());
		expect(photo).toMatchObject({ width: 120, height: 80, thumbWidth: 120, thumbHeight: 80 });
	});

	it('keeps photos that are grey, transparent, 16-bit or CMYK, in sRGB', async () => {
		const inputs = [
			await picture(200, 100).greyscale().png().toBuffer(),
			await sharp({ create: { width: 64, height: 64, channels: 4, background: '#f008' } })
				.png()
				.toBuffer(),
			await picture(200, 100).png().toColourspace('rgb16').toBuffer(),
			await picture(200, 100).jpeg().toColourspace('cmyk').toBuffer()
		];
		for (const input of inputs) {
			const photo = await processPhoto(input);
			await expectClean(photo.display);
			const meta = await sharp(photo.display).metadata();
			expect(['srgb', 'b-w']).toContain(meta.space);
			expect(meta.depth).toBe('uchar');
		}
	});

	it('strips EXIF (with GPS), XMP, IPTC and ICC from every format', async () => {
		for (const format of ['jpeg', 'png', 'webp'] as const) {
			const input = await taggedPhoto(format);
			// The upload really carries what must go, or this test would prove nothing.
			const before = await sharp(input).metadata();
			expect(before.exif, format).toBeDefined();
			const gpsPointer = [Buffer.from([0x25, 0x88]), Buffer.from([0x88, 0x25])];
			expect(
				gpsPointer.some((tag) => before.exif!.includes(tag)),
				`${format} GPS`
			).toBe(true);
			expect(before.xmp, format).toBeDefined();
			expect(before.icc, format).toBeDefined();
			if (format === 'jpeg') expect(before.iptc).toBeDefined();
			expect(input.includes('SecretCam')).toBe(true);
			expect(input.includes('Secret Person')).toBe(true);
			const photo = await processPhoto(input);
			await expectClean(photo.display);
			await expectClean(photo.thumb);
		}
	});

	it('turns a photo upright from its EXIF orientation', async () => {
		// Orientation 6: the stored image must be turned 90° clockwise to be seen upright, so the
		// stored top-left corner ends up top-right.
		const input = await taggedPhoto('jpeg', 6);
		expect((await sharp(input).metadata()).orientation).toBe(6);
		const photo = await processPhoto(input);
		expect(photo).toMatchObject({ width: 200, height: 400, thumbWidth: 160, thumbHeight: 320 });
		for (const image of [photo.display, photo.thumb]) {
			const { data, info } = await sharp(image).raw().toBuffer({ resolveWithObject: true });
			const at = (x: number, y: number) => {
				const i = (Math.floor(y * info.height) * info.width + Math.floor(x * info.width)) * 3;
				return [data[i]!, data[i + 1]!, data[i + 2]!];
			};
			const red = ([r, g, b]: number[]) => r! > 200 && g! < 60 && b! < 60;
			const white = (rgb: number[]) => rgb.every((c) => c > 200);
			expect(red(at(0.95, 0.05)), 'top right is red').toBe(true);
			expect(white(at(0.05, 0.05)), 'top left is white').toBe(true);
			expect(white(at(0.95, 0.95)), 'bottom right is white').toBe(true);
		}
	});

	it('re-encodes a JPEG that is also an HTML page, leaving no script', async () => {
		const jpeg = await picture(64, 64).jpeg().toBuffer();
		const script = '<html><script>alert(document.cookie)</script></html>';
		const comment = Buffer.concat([
			Buffer.from([0xff, 0xfe, 0, script.length + 2]),
			Buffer.from(script, 'latin1')
		]);
		const polyglot = Buffer.concat([
			jpeg.subarray(0, 2),
			comment,
			jpeg.subarray(2),
			Buffer.from(script)
		]);
		expect(polyglot.toString('latin1')).toContain('<script');
		const photo = await processPhoto(polyglot);
		await expectClean(photo.display);
		await expectClean(photo.thumb);
	});
});

describe('uploads we refuse', () => {
	it('refuses nothing at all, and too many bytes, before decoding', async () => {
		expect(await problem(new Uint8Array(0))).toBe('media.problem.empty');
		const huge = Buffer.alloc(maxPhotoBytes + 1);
		huge.set([0xff, 0xd8, 0xff, 0xe0]);
		expect(await problem(huge)).toBe('media.problem.tooBig');
		expect(sharpCalls).not.toHaveBeenCalled();
	});

	it('refuses what is not a JPEG, PNG or WebP by its bytes, whatever it is called', async () => {
		const notPhotos = {
			svg: '<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><script>alert(1)</script></svg>',
			svgWithProlog: '<?xml version="1.0"?>\n<svg xmlns="http://www.w3.org/2000/svg"/>',
			html: '<!doctype html><html><body><img src=x onerror=alert(1)></body></html>',
			// A PDF someone renamed "holiday.jpg": the name never reaches us, only the bytes.
			pdfNamedJpg:
				'%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF',
			text: 'just some words',
			gif: await picture(8, 8).gif().toBuffer(),
			tiff: await picture(8, 8).tiff().toBuffer(),
			avif: await picture(8, 8).avif().toBuffer(),
			heic: Buffer.concat([Buffer.from([0, 0, 0, 24]), Buffer.from('ftypheic\0\0\0\0mif1heic')])
		};
		sharpCalls.mockClear();
		for (const [name, content] of Object.entries(notPhotos)) {
			expect(await problem(Buffer.from(content)), name).toBe('media.problem.notPhoto');
		}
		expect(sharpCalls).not.toHaveBeenCalled();
	});

	it('refuses a pixel flood from its header, without decoding it', async () => {
		const start = performance.now();
		expect(await problem(pngClaiming(30000, 30000))).toBe('media.problem.tooManyPixels');
		expect(await problem(await jpegClaiming(30000, 30000))).toBe('media.problem.tooManyPixels');
		expect(await problem(pngClaiming(10000, 5001))).toBe('media.problem.tooManyPixels');
		expect(performance.now() - start).toBeLessThan(2000);
	});

	it('refuses truncated and damaged photos', async () => {
		for (const format of ['jpeg', 'png', 'webp'] as const) {
			const whole = await sharp({
				create: {
					width: 300,
					height: 200,
					channels: 3,
					background: '#888',
					noise: { type: 'gaussian', mean: 128, sigma: 40 }
				}
			})
				.toFormat(format)
				.toBuffer();
			for (const keep of [0.5, 0.98]) {
				const cut = whole.subarray(0, Math.floor(whole.length * keep));
				expect(await problem(cut), `${format} ${keep}`).toBe('media.problem.damaged');
			}
			expect(await problem(whole.subarray(0, 12)), format).toBe('media.problem.damaged');
		}
		expect(await problem(pngClaiming(100, 100))).toBe('media.problem.damaged');
	});

	it('never fails any other way on mangled bytes', async () => {
		const originals = await Promise.all(
			(['jpeg', 'png', 'webp'] as const).map((f) => picture(48, 32).toFormat(f).toBuffer())
		);
		let seed = 7;
		const random = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
		for (const original of originals) {
			for (let round = 0; round < 25; round++) {
				const bytes = Buffer.from(original);
				for (let i = 0; i < 4; i++) bytes[Math.floor(random() * bytes.length)] = random() * 256;
				const result = await processPhoto(bytes).catch((e: unknown) => e);
				if (result instanceof MediaError) continue;
				expect(result).not.toBeInstanceOf(Error);
				await expectClean((result as { display: Buffer }).display);
			}
		}
	});

	it('leaves only the JPEG, PNG and WebP decoders open in this process', async () => {
		const svg = Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" width="4" height="4"/>');
		await expect(sharp(svg).metadata()).rejects.toThrow(/unsupported image format/);
		await expect(sharp(await picture(8, 8).gif().toBuffer()).metadata()).rejects.toThrow(
			/unsupported image format/
		);
		await expect(sharp(await picture(8, 8).tiff().toBuffer()).metadata()).rejects.toThrow(
			/unsupported image format/
		);
		expect((await sharp(await picture(8, 8).png().toBuffer()).metadata()).format).toBe('png');
	});
});
