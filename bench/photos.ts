import sharp from 'sharp';
import { header, summarise } from './lib/stats';
import { processPhoto } from '../src/lib/server/media';
import { displaySize, thumbSize } from '../src/lib/server/media/limits';
import { phonePhoto } from '../src/lib/server/test/phone-photo';

// npm run bench:photos: 12-megapixel phone-like JPEGs (4000 x 3000, gradients and sensor noise,
// EXIF with GPS and orientation 6), through processPhoto and through bare sharp doing the same
// work (upright, 1600 and 320 px WebP) with no checks. Same process, so the same sharp settings
// (processPhoto's module sets them); the two alternate photo by photo after a warm-up.

const photos = 12;
const rounds = 3;
const width = 4000;
const height = 3000;

const makePhoto = (seed: number) => phonePhoto(seed, width, height);

const inside = (size: number) =>
	({ width: size, height: size, fit: 'inside', withoutEnlargement: true }) as const;

/** What anyone would write with sharp for the same two images: no checks, no limits. */
async function bare(input: Buffer) {
	const image = sharp(input).rotate();
	return Promise.all([
		image.clone().resize(inside(displaySize)).webp().toBuffer(),
		image.clone().resize(inside(thumbSize)).webp().toBuffer()
	]);
}

const ways = { app: (input: Buffer) => processPhoto(input), bare } as const;
type Way = keyof typeof ways;

/** Milliseconds to make both images of each photo in `batch`, all at once. */
async function timed(way: Way, batch: Buffer[]): Promise<number> {
	const start = performance.now();
	await Promise.all(batch.map((input) => ways[way](input)));
	return performance.now() - start;
}

/** Photos per second of each way, alternating which goes first, `inFlight` photos at a time. */
async function measure(inFlight: number) {
	const timings: Record<Way, number[]> = { app: [], bare: [] };
	for (let round = 0; round < rounds; round++) {
		for (let i = 0; i < inputs.length; i += inFlight) {
			const batch = inputs.slice(i, i + inFlight);
			const order: Way[] = (round + i / inFlight) % 2 === 0 ? ['app', 'bare'] : ['bare', 'app'];
			for (const way of order) timings[way].push(await timed(way, batch));
		}
	}
	const rate = (t: number[]) => (rounds * inputs.length) / (t.reduce((a, b) => a + b, 0) / 1000);
	return { timings, app: rate(timings.app), bare: rate(timings.bare) };
}

const started = performance.now();
const inputs: Buffer[] = [];
for (let i = 0; i < photos; i++) inputs.push(await makePhoto(i));
const megabytes = inputs.reduce((sum, b) => sum + b.length, 0) / photos / 1024 / 1024;
console.log(
	`\n${photos} JPEGs of ${width} x ${height} (${megabytes.toFixed(1)} MB each on average), ` +
		`made in ${((performance.now() - started) / 1000).toFixed(1)} s; ${rounds} rounds each way.\n`
);

for (const way of ['app', 'bare', 'app', 'bare'] as const) await timed(way, inputs.slice(0, 2));
const one = await measure(1);
const two = await measure(2);

header();
const app = summarise('processPhoto, one photo', one.timings.app);
const plain = summarise('bare sharp, one photo', one.timings.bare);
summarise('processPhoto, two at once (per pair)', two.timings.app);
summarise('bare sharp, two at once (per pair)', two.timings.bare);
const ratio = one.app / one.bare;
const line = (label: string, m: { app: number; bare: number }) =>
	console.log(
		`${label}: processPhoto ${m.app.toFixed(2)} photos/s, bare sharp ${m.bare.toFixed(2)} ` +
			`photos/s (ratio ${(m.app / m.bare).toFixed(2)}).`
	);
console.log('');
line('One at a time', one);
line('Two at a time', two);
console.log(
	`Target: processPhoto at least 0.8 of bare sharp, one at a time. Ratio ${ratio.toFixed(2)} ` +
		`(of medians ${(plain.median / app.median).toFixed(2)}): ${ratio >= 0.8 ? 'met' : 'NOT met'}.`
);
process.exit(0);
