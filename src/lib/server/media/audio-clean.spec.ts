import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { ALL_FORMATS, BufferSource, EncodedPacketSink, Input } from 'mediabunny';
import { cleanAudio } from './audio-clean';
import { checkAudio } from './audio';
import { MediaError } from './errors';

// Real recordings, one second each, made by fixtures/make.sh (ffmpeg) with everything a phone
// or an app may write into them. The tests only read them.
const fixture = (name: string) =>
	new Uint8Array(readFileSync(new URL(`./fixtures/${name}`, import.meta.url)));

/** What was written into the fixtures, and must not survive cleaning. */
const secrets = [
	'SecretTitleHere',
	'ArtistNameHere',
	'CommentDeviceHere',
	'TrackTitleHere',
	'HandlerNameHere',
	'PhoneMakerHere',
	'PhoneModelHere',
	'51.5074',
	'2024-05-06',
	'Lavf',
	'Lavc',
	'libopus',
	'cym'
];
/** 2024-05-06T07:08:09Z as MP4 header times count it: seconds since 1904, 32 bits. */
const mp4CreationTime = (() => {
	const b = Buffer.alloc(4);
	b.writeUInt32BE(Date.UTC(2024, 4, 6, 7, 8, 9) / 1000 + 2_082_844_800);
	return b;
})();

const includes = (bytes: Uint8Array, part: Buffer | string) =>
	Buffer.from(bytes).includes(typeof part === 'string' ? Buffer.from(part, 'latin1') : part);

async function parse(bytes: Uint8Array) {
	const input = new Input({ source: new BufferSource(bytes), formats: ALL_FORMATS });
	try {
		const tracks = await input.getTracks();
		const audio = await input.getPrimaryAudioTrack();
		let packets = 0;
		for await (const p of new EncodedPacketSink(audio!).packets())
			packets += p.data.length > 0 ? 1 : 0;
		return {
			mime: await input.getMimeType(),
			tracks: tracks.map((t) => `${t.type}:${t.codec}`),
			tags: await input.getMetadataTags(),
			duration: await input.computeDuration(),
			packets,
			name: audio!.name,
			language: audio!.languageCode
		};
	} finally {
		input.dispose();
	}
}

async function problem(bytes: Uint8Array): Promise<string> {
	try {
		await cleanAudio(bytes);
	} catch (e) {
		expect(e).toBeInstanceOf(MediaError);
		return (e as MediaError).key;
	}
	throw new Error('the recording should be refused');
}

describe('cleaning a recording before it is kept', () => {
	const recordings = [
		['voice.webm', 'audio/webm', 'audio:opus'],
		['voice.ogg', 'audio/ogg', 'audio:opus'],
		['voice.m4a', 'audio/mp4', 'audio:aac'],
		['voice-fragmented.m4a', 'audio/mp4', 'audio:aac']
	] as const;

	it.each(recordings)('%s: keeps the sound, drops every tag', async (name, mime, track) => {
		const original = fixture(name);
		const before = await parse(original);
		// The fixture really carries what we remove.
		expect(secrets.filter((s) => includes(original, s)).length).toBeGreaterThanOrEqual(4);
		expect(before.tags.title ?? before.tags.artist).toBeTruthy();

		const clean = await cleanAudio(original);
		expect(clean.mime).toBe(mime);
		expect(checkAudio(clean.bytes)).toEqual({ mime: clean.mime, extension: clean.extension });
		for (const secret of secrets) expect(includes(clean.bytes, secret), secret).toBe(false);
		expect(includes(clean.bytes, mp4CreationTime)).toBe(false);

		const after = await parse(clean.bytes);
		expect(after.tracks).toEqual([track]);
		expect(after.packets).toBe(before.packets);
		expect(after.duration).toBeCloseTo(before.duration, 1);
		expect(after.name).toBeNull();
		expect(['und', null]).toContain(after.language);
		const { raw, ...tags } = after.tags;
		expect(tags).toEqual({});
		// What remains is the name of the tool that wrote it (here, the server), nothing else.
		for (const value of Object.values(raw ?? {})) {
			expect(String(value)).toMatch(/^(Mediabunny v[\d.]+|MediabunnySoundHandler|)$/);
		}
	});

	it('keeps the same sound, packet for packet', async () => {
		const original = fixture('voice.webm');
		const packets = async (bytes: Uint8Array) => {
			const input = new Input({ source: new BufferSource(bytes), formats: ALL_FORMATS });
			const out: string[] = [];
			const track = await input.getPrimaryAudioTrack();
			for await (const p of new EncodedPacketSink(track!).packets()) {
				out.push(Buffer.from(p.data).toString('base64'));
			}
			input.dispose();
			return out;
		};
		const clean = await cleanAudio(original);
		expect(await packets(clean.bytes)).toEqual(await packets(original));
	});

	it('keeps one sound track only', async () => {
		const original = fixture('voice-two-tracks.m4a');
		expect((await parse(original)).tracks).toEqual(['audio:aac', 'audio:aac']);
		const clean = await cleanAudio(original);
		expect((await parse(clean.bytes)).tracks).toEqual(['audio:aac']);
		expect(includes(clean.bytes, 'SecondTrackHere')).toBe(false);
	});

	it('refuses a video, with its location, whatever its brand says', async () => {
		const video = fixture('video.mp4');
		expect(checkAudio(video).mime).toBe('audio/mp4');
		expect(await problem(video)).toBe('media.problem.video');
	});

	it('refuses a file that starts like a recording but is not one', async () => {
		const webm = fixture('voice.webm');
		expect(await problem(webm.subarray(0, 60))).toBe('media.problem.notAudio');
		const mp4Header = fixture('voice.m4a').subarray(0, 40);
		expect(await problem(mp4Header)).toBe('media.problem.notAudio');
		const garbled = Buffer.from(fixture('voice.ogg'));
		garbled.fill(0x55, 200);
		expect(['media.problem.notAudio']).toContain(await problem(garbled));
		expect(await problem(Buffer.from('not audio at all'))).toBe('media.problem.notAudio');
	});
});
