import sharp from 'sharp';

/**
 * A phone camera's photo: 12 megapixels by default (4000 x 3000, about 5 MB), smooth gradients
 * and waves with sensor-like noise, stored sideways with EXIF orientation 6 and the camera and
 * GPS in its metadata, as phones write them. For the photo benchmarks and the upload tests.
 */
export function phonePhoto(seed = 1, width = 4000, height = 3000): Promise<Buffer> {
	const pixels = Buffer.alloc(width * height * 3);
	let state = (seed * 2654435761) >>> 0;
	for (let y = 0; y < height; y++) {
		for (let x = 0; x < width; x++) {
			state = (state * 1664525 + 1013904223) >>> 0;
			const noise = ((state >>> 24) & 31) - 16;
			const i = (y * width + x) * 3;
			pixels[i] = (x * 255) / width + noise;
			pixels[i + 1] = (y * 255) / height + noise;
			pixels[i + 2] = 128 + 100 * Math.sin((x + y + seed * 50) / 90) + noise;
		}
	}
	return sharp(pixels, { raw: { width, height, channels: 3 } })
		.jpeg({ quality: 90 })
		.withMetadata({ orientation: 6 })
		.withExif({
			IFD0: { Make: 'Phone', Model: 'Camera 12' },
			IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '51/1 28/1 0/1' }
		})
		.toBuffer();
}
