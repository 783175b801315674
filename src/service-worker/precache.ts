/// <reference lib="webworker" />
declare const self: ServiceWorkerGlobalScope & {
	__WB_MANIFEST: Array<{ url: string; revision: string | null }>;
};

/**
 * Only the app's static files and the offline page, listed at build time. Pages and data are
 * never put in a cache: they may hold a child's record, and tablets are shared.
 */
const manifest = self.__WB_MANIFEST;
const version = manifest.map((entry) => `${entry.url}@${entry.revision ?? ''}`).join('|');
const cacheName = `waymark-static-${hash(version)}`;
export const offlineUrl = '/offline';

function hash(text: string): string {
	let h = 0;
	for (let i = 0; i < text.length; i++) h = (Math.imul(31, h) + text.charCodeAt(i)) | 0;
	return (h >>> 0).toString(36);
}

const urls = new Set(manifest.map((entry) => new URL(entry.url, self.location.origin).pathname));

export async function precache(): Promise<void> {
	const cache = await caches.open(cacheName);
	await cache.addAll([...urls]);
}

export async function removeOldCaches(): Promise<void> {
	for (const key of await caches.keys()) {
		if (key !== cacheName) await caches.delete(key);
	}
}

export function isPrecached(pathname: string): boolean {
	return urls.has(pathname);
}

export async function fromPrecache(pathname: string): Promise<Response | undefined> {
	const cache = await caches.open(cacheName);
	return cache.match(pathname);
}
