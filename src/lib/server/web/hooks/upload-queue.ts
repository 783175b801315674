/**
 * A few large bodies at a time. SvelteKit reads a whole form into memory (`request.formData()`),
 * and a child's form may carry 64 MB of photos: four at once took the server from 400 to 750 MB.
 * A large upload waits here for a place before anything reads its body (the unread body waits in
 * the connection, not in our memory); it is turned away, kindly, if too many are already waiting
 * or if it has waited too long, well before the server's own request timeout (5 minutes).
 */

export type UploadQueue = {
	/** Resolves with a release function once there is a place, or with null when turned away. */
	enter(): Promise<(() => void) | null>;
	readonly active: number;
	readonly waiting: number;
};

export type QueueOptions = { places: number; maxWaiting: number; maxWaitMs: number };

export function createUploadQueue(options: QueueOptions): UploadQueue {
	let active = 0;
	const waiting: { admit: () => void; timer: ReturnType<typeof setTimeout> }[] = [];

	function release() {
		const next = waiting.shift();
		if (next) {
			clearTimeout(next.timer);
			next.admit();
		} else active--;
	}

	function place(): () => void {
		let released = false;
		return () => {
			if (released) return;
			released = true;
			release();
		};
	}

	return {
		get active() {
			return active;
		},
		get waiting() {
			return waiting.length;
		},
		enter() {
			if (active < options.places) {
				active++;
				return Promise.resolve(place());
			}
			if (waiting.length >= options.maxWaiting) return Promise.resolve(null);
			return new Promise((resolve) => {
				const entry = {
					// A place handed over: `active` stays the same.
					admit: () => resolve(place()),
					timer: setTimeout(() => {
						waiting.splice(waiting.indexOf(entry), 1);
						resolve(null);
					}, options.maxWaitMs)
				};
				waiting.push(entry);
			});
		}
	};
}
