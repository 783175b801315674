import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createUploadQueue } from './upload-queue';
import { bodyLimitFor, formBodyLimit, uploadBodyLimit, uploads } from './security';

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

describe('the queue for large uploads', () => {
	it('lets in as many as it has places, then the next in turn as each finishes', async () => {
		const queue = createUploadQueue({ places: 2, maxWaiting: 8, maxWaitMs: 60_000 });
		const first = await queue.enter();
		const second = await queue.enter();
		expect(first && second).toBeTruthy();
		const order: number[] = [];
		const third = queue.enter().then((r) => (order.push(3), r));
		const fourth = queue.enter().then((r) => (order.push(4), r));
		await vi.advanceTimersByTimeAsync(1000);
		expect(order).toEqual([]);
		expect([queue.active, queue.waiting]).toEqual([2, 2]);
		first!();
		first!(); // releasing twice frees one place only
		await vi.advanceTimersByTimeAsync(0);
		expect(order).toEqual([3]);
		expect([queue.active, queue.waiting]).toEqual([2, 1]);
		second!();
		expect(await fourth).toBeTypeOf('function');
		(await third)!();
		(await fourth)!();
		expect([queue.active, queue.waiting]).toEqual([0, 0]);
	});

	it('turns one away at once when too many are waiting', async () => {
		const queue = createUploadQueue({ places: 1, maxWaiting: 1, maxWaitMs: 60_000 });
		await queue.enter();
		const waits = queue.enter();
		expect(await queue.enter()).toBeNull();
		expect(queue.waiting).toBe(1);
		void waits;
	});

	it('turns one away after waiting too long, and forgets it', async () => {
		const queue = createUploadQueue({ places: 1, maxWaiting: 4, maxWaitMs: 30_000 });
		const holder = await queue.enter();
		const late = queue.enter();
		await vi.advanceTimersByTimeAsync(29_999);
		expect(queue.waiting).toBe(1);
		await vi.advanceTimersByTimeAsync(1);
		expect(await late).toBeNull();
		expect(queue.waiting).toBe(0);
		holder!();
		expect(queue.active).toBe(0);
		expect(await queue.enter()).toBeTypeOf('function');
	});
});

describe('the upload hook', () => {
	it("covers every child's form that takes photos, and no other", () => {
		for (const path of ['/me/views/new', '/me/story/new', '/me/drafts/abc', '/me/disagree/abc']) {
			expect(bodyLimitFor(path), path).toBe(uploadBodyLimit);
		}
		for (const path of ['/sign-in', '/me/help', '/me/disagreements/abc', '/children/abc']) {
			expect(bodyLimitFor(path), path).toBe(formBodyLimit);
		}
	});

	const event = (length: number, user: object | null = { id: 'u' }) =>
		({
			request: new Request('http://localhost/me/views/new', {
				method: 'POST',
				headers: { 'content-length': String(length) }
			}),
			url: new URL('http://localhost/me/views/new'),
			locals: { user, locale: 'ar', i18n: { t: (key: string) => `«${key}»` } }
		}) as unknown as Parameters<typeof uploads>[0]['event'];

	it('makes large uploads wait for a place, then turns one away kindly after 2 minutes', async () => {
		vi.stubEnv('UPLOAD_PLACES', '1');
		let finish = () => {};
		const slow = () => new Promise<Response>((r) => (finish = () => r(new Response('first'))));
		const quick = async () => new Response('done');
		const first = uploads({ event: event(60_000_000), resolve: slow });
		// Small forms and signed-out requests never wait.
		expect(await (await uploads({ event: event(1000), resolve: quick })).text()).toBe('done');
		expect(await (await uploads({ event: event(60_000_000, null), resolve: quick })).text()).toBe(
			'done'
		);
		const second = uploads({ event: event(60_000_000), resolve: quick });
		await vi.advanceTimersByTimeAsync(120_000);
		const refused = await second;
		expect(refused.status).toBe(503);
		expect(refused.headers.get('retry-after')).toBe('60');
		const page = await refused.text();
		expect(page).toContain('lang="ar" dir="rtl"');
		expect(page).toContain('«media.busy.title»');
		expect(page).toContain('«media.busy.body»');
		finish();
		expect(await (await first).text()).toBe('first');
		const third = uploads({ event: event(60_000_000), resolve: quick });
		expect(await (await third).text()).toBe('done');
		vi.unstubAllEnvs();
	});
});
