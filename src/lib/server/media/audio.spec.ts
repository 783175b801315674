import { describe, expect, it } from 'vitest';
import { checkAudio } from './audio';
import { MediaError } from './errors';
import { maxAudioBytes } from './limits';

// The first bytes of recordings, built here as browsers write them (cleaning: audio-clean.spec.ts).

const bytes = (...parts: (number[] | string | Uint8Array)[]) =>
	Buffer.concat(
		parts.map((p) => (typeof p === 'string' ? Buffer.from(p, 'latin1') : Buffer.from(p)))
	);

/** Chrome's MediaRecorder WebM header (EBML header, then a Segment of unknown size). */
function webm(docType = 'webm') {
	const header = bytes(
		[
			0x42, 0x86, 0x81, 0x01, 0x42, 0xf7, 0x81, 0x01, 0x42, 0xf2, 0x81, 0x04, 0x42, 0xf3, 0x81, 0x08
		],
		[0x42, 0x82, 0x80 | docType.length],
		docType,
		[0x42, 0x87, 0x81, 0x04, 0x42, 0x85, 0x81, 0x02]
	);
	return bytes(
		[0x1a, 0x45, 0xdf, 0xa3, 0x80 | header.length],
		header,
		[0x18, 0x53, 0x80, 0x67, 0x01, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff]
	);
}

/** The first page of an Ogg stream whose first packet is `packet`. */
function ogg(packet: string, flags = 0x02) {
	const page = bytes('OggS', [0, flags], new Array(20).fill(0), [1, packet.length], packet);
	return bytes(page, 'OggS', new Array(40).fill(0));
}

const opusHead = 'OpusHead\x01\x01\x38\x01\x80\xbb\x00\x00\x00\x00\x00';

/** An MP4 `ftyp` box with these brands (major first), then an empty `mdat`. */
function mp4(...brands: string[]) {
	const [major, ...compatible] = brands;
	const size = 16 + compatible.length * 4;
	return bytes(
		[0, 0, 0, size],
		'ftyp',
		major!,
		[0, 0, 2, 0],
		compatible.join(''),
		[0, 0, 0, 8],
		'mdat'
	);
}

function problem(input: Uint8Array): string {
	try {
		checkAudio(input);
	} catch (e) {
		expect(e).toBeInstanceOf(MediaError);
		return (e as MediaError).key;
	}
	throw new Error('the upload should be refused');
}

describe('voice recordings', () => {
	it('accepts WebM, Ogg and MP4 audio as browsers record them', () => {
		expect(checkAudio(webm())).toEqual({ mime: 'audio/webm', extension: 'webm' });
		expect(checkAudio(ogg(opusHead))).toEqual({ mime: 'audio/ogg', extension: 'ogg' });
		for (const brands of [
			['M4A ', 'M4A ', 'isom', 'mp42'],
			['mp42', 'mp41', 'isom'],
			['isom', 'iso6', 'mp41'],
			['iso5', 'iso6', 'mp41'],
			['dash', 'iso6', 'mp41']
		]) {
			expect(checkAudio(mp4(...brands)), brands.join()).toEqual({
				mime: 'audio/mp4',
				extension: 'm4a'
			});
		}
	});

	it('reads the bytes where they are, even inside a larger buffer', () => {
		const padded = bytes('xxxxxxx', webm());
		expect(checkAudio(padded.subarray(7))).toEqual({ mime: 'audio/webm', extension: 'webm' });
		expect(problem(padded)).toBe('media.problem.notAudio');
	});

	it('refuses nothing at all, and more than 5 minutes of audio could take', () => {
		expect(problem(new Uint8Array(0))).toBe('media.problem.empty');
		const atLimit = Buffer.alloc(maxAudioBytes);
		webm().copy(atLimit);
		expect(checkAudio(atLimit).extension).toBe('webm');
		const over = Buffer.alloc(maxAudioBytes + 1);
		webm().copy(over);
		expect(problem(over)).toBe('media.problem.audioTooBig');
	});

	it('refuses what is not a recording, whatever it claims to be', () => {
		const notAudio = {
			text: bytes('hello, this is not a recording'),
			html: bytes('<!doctype html><script>alert(1)</script>'),
			svg: bytes('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'),
			jpeg: bytes([0xff, 0xd8, 0xff, 0xe0, 0, 16], 'JFIF\0'),
			pdf: bytes('%PDF-1.7\n'),
			// Decided: browsers never record MP3 or WAV, so neither is kept.
			mp3: bytes('ID3', [3, 0, 0, 0, 0, 0, 0x0f], [0xff, 0xfb, 0x90, 0x64]),
			mp3NoTag: bytes([0xff, 0xfb, 0x90, 0x64], new Array(60).fill(0)),
			wav: bytes('RIFF', [36, 0, 0, 0], 'WAVEfmt ', [16, 0, 0, 0, 1, 0, 1, 0]),
			// Decided: Matroska is refused; MediaRecorder writes "webm", and we serve audio/webm.
			matroska: webm('matroska'),
			theoraVideo: ogg('\x80theora\x03\x02\x00'),
			// Decided: browsers record Ogg with Opus; Vorbis is not rebuilt, so not kept.
			oggVorbis: ogg('\x01vorbis\0\0\0\0\x01'),
			oggNotFirstPage: ogg(opusHead, 0x00),
			heicPhoto: mp4('heic', 'mif1', 'heic'),
			avifPhoto: mp4('avif', 'avif', 'mif1', 'miaf', 'isom'),
			quickTime: mp4('qt  ', 'qt  '),
			ftypOnly: bytes([0, 0, 0, 12], 'ftypM4A ')
		};
		for (const [name, content] of Object.entries(notAudio)) {
			expect(problem(content), name).toBe('media.problem.notAudio');
		}
	});

	it('never fails any other way on cut-short or mangled headers', () => {
		let seed = 11;
		const random = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
		const headers = [webm(), webm('matroska'), ogg(opusHead), mp4('M4A ', 'isom')];
		let refused = 0;
		for (const header of headers) {
			for (let length = 1; length <= header.length; length++) {
				const cut = header.subarray(0, length);
				try {
					checkAudio(cut);
				} catch (e) {
					expect(e).toBeInstanceOf(MediaError);
					refused++;
				}
				const mangled = Buffer.from(header);
				mangled[Math.floor(random() * mangled.length)] = random() * 256;
				try {
					checkAudio(mangled);
				} catch (e) {
					expect(e).toBeInstanceOf(MediaError);
				}
			}
		}
		expect(refused).toBeGreaterThan(100);
	});
});
