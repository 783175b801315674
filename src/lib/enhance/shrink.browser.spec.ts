import { describe, expect, it } from 'vitest';
import { shrinkOnChoose, shrinkPhoto } from './shrink';

/** A photo-like JPEG (gradients and noise, as a phone sensor gives), made in the browser. */
async function photo(width: number, height: number, type = 'image/jpeg'): Promise<Blob> {
	const canvas = document.createElement('canvas');
	canvas.width = width;
	canvas.height = height;
	const context = canvas.getContext('2d')!;
	const pixels = context.createImageData(width, height);
	let state = 12345;
	for (let i = 0; i < width * height; i++) {
		state = (state * 1664525 + 1013904223) >>> 0;
		const noise = ((state >>> 24) & 31) - 16;
		const x = i % width;
		const y = Math.floor(i / width);
		pixels.data[i * 4] = (x * 255) / width + noise;
		pixels.data[i * 4 + 1] = (y * 255) / height + noise;
		pixels.data[i * 4 + 2] = 128 + noise;
		pixels.data[i * 4 + 3] = 255;
	}
	context.putImageData(pixels, 0, 0);
	return new Promise((resolve) => canvas.toBlob((b) => resolve(b!), type, 0.95));
}

/** The same JPEG saying "turn me a quarter clockwise to show me" (EXIF orientation 6), as phones do. */
async function turned(jpeg: Blob): Promise<Blob> {
	const bytes = new Uint8Array(await jpeg.arrayBuffer());
	// prettier-ignore
	const tiff = [0x4d, 0x4d, 0x00, 0x2a, 0, 0, 0, 8, 0, 1, 0x01, 0x12, 0, 3, 0, 0, 0, 1, 0, 6, 0, 0, 0, 0, 0, 0];
	const exif = [0x45, 0x78, 0x69, 0x66, 0, 0, ...tiff];
	const length = exif.length + 2;
	const app1 = [0xff, 0xe1, length >> 8, length & 0xff, ...exif];
	// After the start of image marker and the JFIF segment.
	const jfifEnd = 4 + ((bytes[4]! << 8) | bytes[5]!);
	return new Blob([bytes.slice(0, jfifEnd), new Uint8Array(app1), bytes.slice(jfifEnd)], {
		type: 'image/jpeg'
	});
}

async function size(blob: Blob) {
	const bitmap = await createImageBitmap(blob);
	const out = { width: bitmap.width, height: bitmap.height };
	bitmap.close();
	return out;
}

const options = { maxEdge: 1600, quality: 0.9 };

describe('photos made smaller before they are sent', () => {
	it('a 12-megapixel photo becomes the 1600 px the server keeps, a fraction of the bytes', async () => {
		const original = new File([await photo(4000, 3000)], 'park.JPG', { type: 'image/jpeg' });
		const smaller = await shrinkPhoto(original, options);
		expect(smaller).not.toBeNull();
		expect(smaller!.type).toBe('image/jpeg');
		expect(smaller!.name).toBe('park.jpg');
		expect(await size(smaller!)).toEqual({ width: 1600, height: 1200 });
		expect(smaller!.size).toBeLessThan(original.size / 3);
	});

	it('a sideways-stored phone photo arrives upright, since what tells it to turn is not sent', async () => {
		const original = new File([await turned(await photo(3200, 2400))], 'me.jpg', {
			type: 'image/jpeg'
		});
		expect(await size(original)).toEqual({ width: 2400, height: 3200 });
		const smaller = await shrinkPhoto(original, options);
		expect(await size(smaller!)).toEqual({ width: 1200, height: 1600 });
	});

	it('leaves alone what is already small enough, or not a photo it can read', async () => {
		const small = new File([await photo(1200, 900)], 'small.jpg', { type: 'image/jpeg' });
		expect(await shrinkPhoto(small, options)).toBeNull();
		const broken = new File([new Uint8Array(5000)], 'broken.jpg', { type: 'image/jpeg' });
		expect(await shrinkPhoto(broken, options)).toBeNull();
		const gif = new File([new Uint8Array(10)], 'a.gif', { type: 'image/gif' });
		expect(await shrinkPhoto(gif, options)).toBeNull();
	});

	it('a form sent at once waits for its photos to be made smaller, then sends itself with the same button', async () => {
		document.body.innerHTML = `<form><input type="file" name="photos" multiple><button name="intent" value="send">Send</button></form>`;
		const form = document.querySelector('form')!;
		const input = form.querySelector('input')!;
		const button = form.querySelector('button')!;
		shrinkOnChoose(input, options);
		const sent: { files: File[]; intent: string | null }[] = [];
		form.addEventListener('submit', (event) => {
			event.preventDefault();
			sent.push({
				files: [...input.files!],
				intent: event.submitter?.getAttribute('value') ?? null
			});
		});
		const big = new File([await photo(4000, 3000)], 'big.jpg', { type: 'image/jpeg' });
		const small = new File([await photo(800, 600)], 'small.jpg', { type: 'image/jpeg' });
		const chosen = new DataTransfer();
		chosen.items.add(big);
		chosen.items.add(small);
		input.files = chosen.files;
		input.dispatchEvent(new Event('change'));
		form.requestSubmit(button);
		expect(sent).toHaveLength(0);
		await expect.poll(() => sent.length, { timeout: 20_000 }).toBe(1);
		expect(sent[0]!.intent).toBe('send');
		expect(sent[0]!.files.map((f) => f.name)).toEqual(['big.jpg', 'small.jpg']);
		expect(sent[0]!.files[0]!.size).toBeLessThan(big.size / 3);
		expect(sent[0]!.files[1]).toBe(input.files![1]);
		expect(sent[0]!.files[1]!.size).toBe(small.size);
	});
});
