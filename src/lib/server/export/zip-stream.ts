import { Zip, ZipDeflate, ZipPassThrough } from 'fflate';

/**
 * A zip written as it is read: each file's chunks are asked for only when the reader has taken
 * what came before, so neither the record nor the media is ever held whole. fflate writes the
 * classic zip format (data descriptors, no ZIP64: fine below 4 GB), which every unzip tool reads.
 */
export type ZipEntry = {
	name: string;
	/** Photos and recordings are compressed already: stored as they are. Text is deflated. */
	compress: boolean;
	chunks: () => AsyncIterable<Uint8Array>;
};

export async function* zipChunks(
	entries: AsyncIterable<ZipEntry>,
	modified: Date
): AsyncGenerator<Uint8Array> {
	const out: Uint8Array[] = [];
	let failure: Error | null = null;
	const zip = new Zip((err, chunk) => {
		if (err) failure = err;
		else out.push(chunk);
	});
	function* drain() {
		if (failure) throw failure;
		while (out.length) yield out.shift()!;
	}
	for await (const entry of entries) {
		const file = entry.compress
			? new ZipDeflate(entry.name, { level: 6 })
			: new ZipPassThrough(entry.name);
		file.mtime = modified;
		zip.add(file);
		yield* drain();
		for await (const chunk of entry.chunks()) {
			if (chunk.length) file.push(chunk);
			yield* drain();
		}
		file.push(new Uint8Array(0), true);
		yield* drain();
	}
	zip.end();
	yield* drain();
}

/** A web stream that pulls one chunk at a time from the generator (backpressure). */
export function streamOf(chunks: AsyncGenerator<Uint8Array>): ReadableStream<Uint8Array> {
	return new ReadableStream<Uint8Array>({
		async pull(controller) {
			try {
				const next = await chunks.next();
				if (next.done) controller.close();
				else controller.enqueue(next.value);
			} catch (e) {
				controller.error(e);
			}
		},
		async cancel() {
			await chunks.return(undefined);
		}
	});
}
