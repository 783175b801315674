import {
	BufferSource,
	BufferTarget,
	EncodedAudioPacketSource,
	EncodedPacket,
	EncodedPacketSink,
	Input,
	MP4,
	Mp4OutputFormat,
	OGG,
	OggOutputFormat,
	Output,
	WEBM,
	WebMOutputFormat,
	type AudioCodec,
	type InputFormat,
	type OutputFormat
} from 'mediabunny';
import { checkAudio, type AudioKind } from './audio';
import { MediaError } from './errors';

/*
 * A recording is rebuilt before it is kept: its sound packets are copied, unchanged and in order,
 * into a new container that the server writes itself, with one audio track and only what is
 * needed to play it. Nothing else is carried over: no titles, names, comments, dates, locations,
 * device or encoder tags, chapters, pictures, other tracks. No re-encoding: the sound is as recorded.
 *
 * What is accepted is what browsers' MediaRecorder makes and what we can rebuild: WebM with Opus,
 * Ogg with Opus, MP4 with AAC. Anything with a picture track (a video) is refused.
 */

type Container = {
	input: InputFormat;
	codecs: readonly AudioCodec[];
	output: () => OutputFormat;
};

const containers: Record<AudioKind['extension'], Container> = {
	webm: { input: WEBM, codecs: ['opus'], output: () => new WebMOutputFormat() },
	ogg: { input: OGG, codecs: ['opus'], output: () => new OggOutputFormat() },
	m4a: {
		input: MP4,
		codecs: ['aac'],
		// The index first, so that playing can start before the whole file has arrived.
		output: () => new Mp4OutputFormat({ fastStart: 'in-memory' })
	}
};

export type CleanAudio = AudioKind & { bytes: Uint8Array };

/** The recording rebuilt without metadata, or a MediaError saying kindly what to try instead. */
export async function cleanAudio(bytes: Uint8Array): Promise<CleanAudio> {
	const kind = checkAudio(bytes);
	const container = containers[kind.extension];
	const input = new Input({ source: new BufferSource(bytes), formats: [container.input] });
	try {
		return { ...kind, bytes: await rebuild(input, container) };
	} catch (e) {
		if (e instanceof MediaError) throw e;
		// The parser found the file broken or not what its first bytes said.
		throw new MediaError('media.problem.notAudio');
	} finally {
		input.dispose();
	}
}

async function rebuild(input: Input, container: Container): Promise<Uint8Array> {
	const tracks = await input.getTracks();
	if (tracks.some((t) => t.isVideoTrack())) throw new MediaError('media.problem.video');
	const track = await input.getPrimaryAudioTrack();
	const codec = track?.codec;
	if (!track || !codec || !container.codecs.includes(codec)) {
		throw new MediaError('media.problem.notAudio');
	}
	const config = await track.getDecoderConfig();
	if (!config) throw new MediaError('media.problem.notAudio');
	// Only what a decoder needs: its codec string, sample rate, channels and codec header.
	const decoderConfig: AudioDecoderConfig = {
		codec: config.codec,
		sampleRate: config.sampleRate,
		numberOfChannels: config.numberOfChannels,
		...(config.description ? { description: config.description } : {})
	};
	const target = new BufferTarget();
	const output = new Output({ format: container.output(), target });
	const source = new EncodedAudioPacketSource(codec);
	output.addAudioTrack(source);
	await output.start();
	let packets = 0;
	for await (const packet of new EncodedPacketSink(track).packets()) {
		// A fresh packet with the sound and its timing only (no side data).
		const copy = new EncodedPacket(packet.data, packet.type, packet.timestamp, packet.duration);
		await source.add(copy, packets === 0 ? { decoderConfig } : undefined);
		packets++;
	}
	if (packets === 0) throw new MediaError('media.problem.notAudio');
	source.close();
	await output.finalize();
	if (!target.buffer) throw new MediaError('media.problem.notAudio');
	return new Uint8Array(target.buffer);
}
