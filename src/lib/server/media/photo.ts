import sharp from 'sharp';
import { MediaError } from './errors';
import { displaySize, maxInputPixels, maxPhotoBytes, thumbSize } from './limits';

/*
 * Configured once, for the whole server process. One libvips thread per image: the display and
 * thumbnail encodes (or two uploads) already fill both cores, and more threads only fragment
 * glibc's heap (sharp's own default on glibc). No operation cache: every upload is new.
 * Only the JPEG, PNG and WebP loaders stay open, so even a mistake in the byte check below
 * cannot hand an SVG, PDF, TIFF or HEIF to a decoder.
 */
sharp.concurrency(1);
sharp.cache(false);
sharp.block({ operation: ['VipsForeignLoad'] });
sharp.unblock({
	operation: ['VipsForeignLoadJpegBuffer', 'VipsForeignLoadPngBuffer', 'VipsForeignLoadWebpBuffer']
});

export type Photo = {
	display: Buffer;
	thumb: Buffer;
	width: number;
	height: number;
	thumbWidth: number;
	thumbHeight: number;
};

type PhotoFormat = 'jpeg' | 'png' | 'webp';

const startsWith = (bytes: Uint8Array, at: number, magic: number[] | string) =>
	[...(typeof magic === 'string' ? Buffer.from(magic, 'latin1') : magic)].every(
		(b, i) => bytes[at + i] === b
	);

/** What the bytes are, whatever the file was called. */
export function photoFormat(bytes: Uint8Array): PhotoFormat | null {
	if (startsWith(bytes, 0, [0xff, 0xd8, 0xff])) return 'jpeg';
	if (startsWith(bytes, 0, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'png';
	if (startsWith(bytes, 0, 'RIFF') && startsWith(bytes, 8, 'WEBP')) return 'webp';
	return null;
}

const inside = (size: number) =>
	({ width: size, height: size, fit: 'inside', withoutEnlargement: true }) as const;

/**
 * A photo as we keep it: upright, at most 1600 px (and a 320 px thumbnail), WebP, sRGB, with
 * no metadata at all (no EXIF, GPS, XMP, IPTC or ICC profile). The upload is decoded once, to
 * raw pixels at display size; both images are encoded from those pixels, which carry nothing
 * else. `failOn: 'error'` refuses truncated or broken pixel data but not the harmless warnings
 * some phones' JPEGs raise (lovell/sharp#1578); nothing of the upload survives re-encoding.
 */
export async function processPhoto(input: Uint8Array): Promise<Photo> {
	if (input.byteLength === 0) throw new MediaError('media.problem.empty');
	if (input.byteLength > maxPhotoBytes) throw new MediaError('media.problem.tooBig');
	if (!photoFormat(input)) throw new MediaError('media.problem.notPhoto');
	try {
		const { data, info } = await sharp(input, {
			failOn: 'error',
			limitInputPixels: maxInputPixels,
			autoOrient: true
		})
			.resize(inside(displaySize))
			.raw()
			.toBuffer({ resolveWithObject: true });
		const raw = { raw: { width: info.width, height: info.height, channels: info.channels } };
		const [display, thumb] = await Promise.all([
			sharp(data, raw).webp().toBuffer({ resolveWithObject: true }),
			sharp(data, raw).resize(inside(thumbSize)).webp().toBuffer({ resolveWithObject: true })
		]);
		return {
			display: display.data,
			thumb: thumb.data,
			width: display.info.width,
			height: display.info.height,
			thumbWidth: thumb.info.width,
			thumbHeight: thumb.info.height
		};
	} catch (e) {
		throw problemOf(e);
	}
}

function problemOf(e: unknown): MediaError {
	const message = e instanceof Error ? e.message : '';
	if (message.includes('exceeds pixel limit')) return new MediaError('media.problem.tooManyPixels');
	if (message.includes('unsupported image format')) return new MediaError('media.problem.notPhoto');
	return new MediaError('media.problem.damaged');
}
