import { MediaError } from './errors';
import { maxAudioBytes } from './limits';

export type AudioKind =
	| { mime: 'audio/webm'; extension: 'webm' }
	| { mime: 'audio/ogg'; extension: 'ogg' }
	| { mime: 'audio/mp4'; extension: 'm4a' };

/*
 * What browsers' MediaRecorder makes: WebM with Opus (Chrome, Edge, Firefox, Safari 18.4+), Ogg
 * with Opus (older Firefox) and MP4 with AAC (Safari). The first bytes must show one of these
 * containers before anything parses the file (the name and the type the browser gave are ignored);
 * `cleanAudio` then rebuilds it without metadata, and that is what is kept.
 */

/** MP4 brands an audio recording carries. HEIF and AVIF images are MP4 boxes too: refused. */
const audioBrands = new Set([
	'M4A ',
	'M4B ',
	'mp41',
	'mp42',
	'isom',
	'iso2',
	'iso4',
	'iso5',
	'iso6',
	'dash'
]);
const imageBrands = new Set(['mif1', 'msf1', 'heic', 'heix', 'hevc', 'hevx', 'avif', 'avis']);
/** The first packet of an Ogg stream names its codec: Opus (not Vorbis, nor Theora video). */
const oggCodecs = ['OpusHead'];

const text = (bytes: Uint8Array, start: number, length: number) =>
	Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength)
		.subarray(start, start + length)
		.toString('latin1');

/** Which audio this is, or a MediaError (empty, too big, not audio). */
export function checkAudio(bytes: Uint8Array): AudioKind {
	if (bytes.byteLength === 0) throw new MediaError('media.problem.empty');
	if (bytes.byteLength > maxAudioBytes) throw new MediaError('media.problem.audioTooBig');
	if (webmDocType(bytes) === 'webm') return { mime: 'audio/webm', extension: 'webm' };
	if (isOggAudio(bytes)) return { mime: 'audio/ogg', extension: 'ogg' };
	if (isMp4Audio(bytes)) return { mime: 'audio/mp4', extension: 'm4a' };
	throw new MediaError('media.problem.notAudio');
}

/** An EBML variable-length integer at `at`: its value and length, or null. */
function vint(bytes: Uint8Array, at: number, keepMarker: boolean) {
	const first = bytes[at];
	if (first === undefined || first === 0) return null;
	const length = Math.clz32(first) - 23;
	if (length > 8 || at + length > bytes.byteLength) return null;
	let value = keepMarker ? first : first & (0xff >> length);
	for (let i = 1; i < length; i++) value = value * 256 + bytes[at + i]!;
	return { value, length };
}

/**
 * The DocType in a WebM or Matroska EBML header ("webm" or "matroska"), or null. We accept
 * "webm" only: MediaRecorder never writes Matroska, and a .mka or .mkv is not what we serve.
 */
function webmDocType(bytes: Uint8Array): string | null {
	if (bytes[0] !== 0x1a || bytes[1] !== 0x45 || bytes[2] !== 0xdf || bytes[3] !== 0xa3) {
		return null;
	}
	const size = vint(bytes, 4, false);
	if (!size) return null;
	const end = Math.min(4 + size.length + size.value, bytes.byteLength);
	let at = 4 + size.length;
	while (at < end) {
		const id = vint(bytes, at, true);
		const length = id && vint(bytes, at + id.length, false);
		if (!id || !length) return null;
		const data = at + id.length + length.length;
		if (data + length.value > end) return null;
		if (id.value === 0x4282) return text(bytes, data, length.value).replace(/\0+$/, '');
		at = data + length.value;
	}
	return null;
}

/** An Ogg stream's first page (capture pattern, version 0, start of stream) of Opus or Vorbis. */
function isOggAudio(bytes: Uint8Array): boolean {
	if (text(bytes, 0, 4) !== 'OggS' || bytes[4] !== 0 || ((bytes[5] ?? 0) & 0x02) === 0) {
		return false;
	}
	const segments = bytes[26];
	if (segments === undefined || segments === 0) return false;
	const packet = 27 + segments;
	return oggCodecs.some((codec) => text(bytes, packet, codec.length) === codec);
}

/** An MP4 whose first box is `ftyp` with an audio-capable brand and no image brand. */
function isMp4Audio(bytes: Uint8Array): boolean {
	if (bytes.byteLength < 16 || text(bytes, 4, 4) !== 'ftyp') return false;
	const size = Buffer.from(bytes.buffer, bytes.byteOffset, 4).readUInt32BE(0);
	if (size < 16 || size > 4096 || size % 4 !== 0 || size > bytes.byteLength) return false;
	const brands = [text(bytes, 8, 4)];
	for (let at = 16; at < size; at += 4) brands.push(text(bytes, at, 4));
	return brands.some((b) => audioBrands.has(b)) && !brands.some((b) => imageBrands.has(b));
}
