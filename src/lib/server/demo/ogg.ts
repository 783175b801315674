/** Ogg Opus built byte by byte, for the demo's voice recording. */

/** Ogg's CRC-32: polynomial 0x04C11DB7, not reflected, initial value 0, no final XOR. */
const crcTable = (() => {
	const table = new Uint32Array(256);
	for (let i = 0; i < 256; i++) {
		let r = i << 24;
		for (let bit = 0; bit < 8; bit++) r = r & 0x80000000 ? (r << 1) ^ 0x04c11db7 : r << 1;
		table[i] = r >>> 0;
	}
	return table;
})();

export function oggCrc(bytes: Uint8Array): number {
	let crc = 0;
	for (const b of bytes) crc = ((crc << 8) ^ crcTable[((crc >>> 24) ^ b) & 0xff]!) >>> 0;
	return crc;
}

/** One Ogg page holding whole packets (RFC 3533). */
function oggPage(
	flags: number,
	granule: number,
	serial: number,
	sequence: number,
	packets: Uint8Array[]
): Buffer {
	const lacing: number[] = [];
	for (const packet of packets) {
		let left = packet.length;
		for (; left >= 255; left -= 255) lacing.push(255);
		lacing.push(left);
	}
	if (lacing.length > 255) throw new Error('Too many packets for one Ogg page');
	const header = Buffer.alloc(27 + lacing.length);
	header.write('OggS', 0, 'latin1');
	header[4] = 0; // version
	header[5] = flags; // 0x02 first page of the stream, 0x04 last
	header.writeBigUInt64LE(BigInt(granule), 6);
	header.writeUInt32LE(serial, 14);
	header.writeUInt32LE(sequence, 18);
	header[26] = lacing.length;
	lacing.forEach((value, i) => (header[27 + i] = value));
	const page = Buffer.concat([header, ...packets]);
	page.writeUInt32LE(oggCrc(page), 22);
	return page;
}

/**
 * A valid Ogg Opus file (RFC 7845) of `seconds` of mono audio, as a browser's recorder makes.
 * It is SILENCE: no Opus encoder is available here (no ffmpeg, no encoder package, and we add
 * no dependency for demo data), so every 20 ms packet is the well-known CELT silence frame
 * 0xF8 0xFF 0xFE (TOC: config 31, CELT-only full band 20 ms, mono, one frame; RFC 6716 §3.1;
 * the range-coded payload decodes with the silence flag set). Granule positions count 48 kHz
 * samples, including the pre-skip, so players show the right length.
 */
export function silentOpusRecording(seconds: number): Buffer {
	const serial = 0x57796d6b;
	const preSkip = 312;
	const frameSamples = 960;
	const head = Buffer.alloc(19);
	head.write('OpusHead', 0, 'latin1');
	head[8] = 1; // version
	head[9] = 1; // channels
	head.writeUInt16LE(preSkip, 10);
	head.writeUInt32LE(48000, 12); // the rate it was recorded at
	head.writeInt16LE(0, 16); // output gain
	head[18] = 0; // channel mapping family: mono or stereo
	const vendor = Buffer.from('Waymark demo data (silence)', 'utf8');
	const tags = Buffer.alloc(8 + 4 + vendor.length + 4);
	tags.write('OpusTags', 0, 'latin1');
	tags.writeUInt32LE(vendor.length, 8);
	vendor.copy(tags, 12);
	tags.writeUInt32LE(0, 12 + vendor.length); // no user comments

	const silence = Uint8Array.of(0xf8, 0xff, 0xfe);
	const total = preSkip + seconds * 48000;
	const packets = Math.ceil(total / frameSamples);
	const pages = [oggPage(0x02, 0, serial, 0, [head]), oggPage(0, 0, serial, 1, [tags])];
	const perPage = 50; // one second
	for (let first = 0, sequence = 2; first < packets; first += perPage, sequence++) {
		const count = Math.min(perPage, packets - first);
		const last = first + count >= packets;
		// The last page's granule position trims the final packet to the exact length.
		const granule = last ? total : (first + count) * frameSamples;
		pages.push(oggPage(last ? 0x04 : 0, granule, serial, sequence, new Array(count).fill(silence)));
	}
	return Buffer.concat(pages);
}
