import type { ShrinkPhotos } from './contract';

/**
 * Photos made smaller in the browser before they are sent. A 12-megapixel phone photo is about
 * 5 MB: 25 seconds over a slow mobile connection, and a child's data allowance. The server keeps
 * at most its display size (1600 px) anyway, so the browser sends that: upright (the photo's own
 * orientation applied), as JPEG (or WebP for a PNG or WebP), at high quality. The server checks
 * and re-encodes what arrives exactly as before, and without JavaScript the whole photo is sent.
 * Anything the browser cannot do here (an unusual file, no canvas, no memory) sends the photo as
 * it was chosen.
 */

const shrinkable = ['image/jpeg', 'image/png', 'image/webp'];

/** The photo at most `maxEdge` px on its longest side; null when it is already that small or cannot be made so. */
export async function shrinkPhoto(file: File, options: ShrinkPhotos): Promise<File | null> {
	if (!shrinkable.includes(file.type) || typeof createImageBitmap !== 'function') return null;
	let bitmap: ImageBitmap;
	try {
		// The EXIF orientation applied: what is sent is upright, since its metadata is dropped.
		bitmap = await createImageBitmap(file, { imageOrientation: 'from-image' });
	} catch {
		return null;
	}
	try {
		const scale = options.maxEdge / Math.max(bitmap.width, bitmap.height);
		if (scale >= 1) return null;
		const width = Math.max(1, Math.round(bitmap.width * scale));
		const height = Math.max(1, Math.round(bitmap.height * scale));
		const canvas = document.createElement('canvas');
		canvas.width = width;
		canvas.height = height;
		const context = canvas.getContext('2d');
		if (!context) return null;
		context.imageSmoothingQuality = 'high';
		context.drawImage(bitmap, 0, 0, width, height);
		// JPEG stays JPEG; a PNG or WebP (which may be see-through) becomes WebP where the browser
		// can write it, and is otherwise sent as it was.
		const type = file.type === 'image/jpeg' ? 'image/jpeg' : 'image/webp';
		const blob = await new Promise<Blob | null>((resolve) =>
			canvas.toBlob(resolve, type, options.quality)
		);
		canvas.width = canvas.height = 0;
		if (!blob || blob.type !== type || blob.size >= file.size) return null;
		const name = file.name.replace(/\.[^.]*$/, '') + (type === 'image/jpeg' ? '.jpg' : '.webp');
		return new File([blob], name, { type, lastModified: file.lastModified });
	} finally {
		bitmap.close();
	}
}

/**
 * Shrinks the photos as soon as they are chosen. A form sent before that is done waits for it
 * (then sends itself with the same button); what was chosen stays as it was if anything fails.
 */
export function shrinkOnChoose(input: HTMLInputElement, options: ShrinkPhotos): void {
	let pending: Promise<void> | null = null;
	input.addEventListener('change', () => {
		const chosen = [...(input.files ?? [])];
		if (!chosen.length) return;
		const work = (async () => {
			const smaller: (File | null)[] = [];
			// One at a time: a phone decoding several 12 MP photos at once may run out of memory.
			for (const file of chosen) smaller.push(await shrinkPhoto(file, options).catch(() => null));
			const unchanged = [...(input.files ?? [])];
			// Chosen again meanwhile: that choice has its own turn.
			if (unchanged.length !== chosen.length || unchanged.some((f, i) => f !== chosen[i])) return;
			if (smaller.every((f) => f === null)) return;
			const files = new DataTransfer();
			chosen.forEach((file, i) => files.items.add(smaller[i] ?? file));
			input.files = files.files;
		})().catch(() => {
			// What was chosen is sent as it is.
		});
		pending = work;
		void work.finally(() => {
			if (pending === work) pending = null;
		});
	});
	input.form?.addEventListener(
		'submit',
		(event) => {
			if (!pending) return;
			event.preventDefault();
			event.stopImmediatePropagation();
			const submitter = event.submitter instanceof HTMLElement ? event.submitter : null;
			void pending.then(() => input.form?.requestSubmit(submitter));
		},
		{ capture: true }
	);
}
