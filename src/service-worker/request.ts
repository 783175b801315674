/// <reference lib="webworker" />
import { isPrecached, offlineUrl } from './precache';

declare const self: ServiceWorkerGlobalScope;

/**
 * Static files from the precache; page navigations from the network, with the offline page when
 * there is none. Everything else goes to the network untouched and uncached: every non-GET
 * request (forms, drafts sent later), page data (`__data.json`) and media (`/api/media/...`).
 * Nothing here writes to a cache; request.spec.ts holds it to that.
 */
export function respond(
	request: Request,
	fromPrecache: (pathname: string) => Promise<Response | undefined>
): Promise<Response> | null {
	if (request.method !== 'GET') return null;
	const url = new URL(request.url);
	if (url.origin !== self.location.origin) return null;
	if (isPrecached(url.pathname) && url.pathname !== offlineUrl) {
		return fromPrecache(url.pathname).then((cached) => cached ?? fetch(request));
	}
	if (request.mode === 'navigate') {
		return fetch(request).catch(async () => (await fromPrecache(offlineUrl)) ?? Response.error());
	}
	return null;
}
