import type { Handle, RequestEvent } from '@sveltejs/kit';
import { baseHeaders, hsts } from './headers';
import { uploadPlaces } from '../../config';
import { directionOf } from '../../../i18n/locales';
import { createUploadQueue, type UploadQueue } from './upload-queue';

const safeMethods = new Set(['GET', 'HEAD', 'OPTIONS']);
/** Forms here are small; media uploads get their own, larger limit where they are accepted. */
export const formBodyLimit = 256 * 1024;
/** The child's forms that carry photos and recordings: several photos of up to 20 MB each. */
export const uploadBodyLimit = 64 * 1024 * 1024;
const uploadPaths = /^\/me\/(views|story|drafts|disagree)(\/|$)/;

export function bodyLimitFor(pathname: string): number {
	return uploadPaths.test(pathname) ? uploadBodyLimit : formBodyLimit;
}

function refuse(event: RequestEvent, status: number, key: string, titleKey?: string): Response {
	const t = event.locals.i18n.t;
	const title = titleKey
		? t(titleKey)
		: t(`error.status${status}`, { defaultValue: t('error.generic') });
	const body = `<!doctype html><html lang="${event.locals.locale}" dir="${directionOf(event.locals.locale)}"><head><meta charset="utf-8"><title>${title}</title></head><body><main><h1>${title}</h1><p>${t(key)}</p><p><a href="/">${t('error.goHome')}</a></p></main></body></html>`;
	const headers: Record<string, string> = { 'content-type': 'text/html; charset=utf-8' };
	// The unread body is still on the wire: close the connection rather than read it.
	if (status === 413 || status === 503) headers.connection = 'close';
	if (status === 503) headers['retry-after'] = '60';
	return new Response(body, { status, headers });
}

/**
 * Anything that changes state must come from our own pages, whatever its content type
 * (SvelteKit's own check covers only form content types): Sec-Fetch-Site, else Origin.
 */
export function isCrossSite(request: Request, origin: string): boolean {
	if (safeMethods.has(request.method)) return false;
	const site = request.headers.get('sec-fetch-site');
	if (site !== null) return site !== 'same-origin';
	return request.headers.get('origin') !== origin;
}

export const crossSite: Handle = async ({ event, resolve }) => {
	if (isCrossSite(event.request, event.url.origin)) return refuse(event, 403, 'error.crossSite');
	return resolve(event);
};

/** Oversized or mistyped bodies get a clear message in the person's language, before any work. */
export const input: Handle = async ({ event, resolve }) => {
	if (safeMethods.has(event.request.method)) return resolve(event);
	const length = Number(event.request.headers.get('content-length') ?? 0);
	if (length > bodyLimitFor(event.url.pathname)) return refuse(event, 413, 'error.tooBig');
	const type = (event.request.headers.get('content-type') ?? '').toLowerCase();
	const isForm =
		type.startsWith('application/x-www-form-urlencoded') || type.startsWith('multipart/form-data');
	if (!isForm) return refuse(event, 415, 'error.badInput');
	return resolve(event);
};

/** A body this large is read only when the upload queue has a place for it. */
export const largeBody = 1024 * 1024;
let queue: UploadQueue | undefined;

/**
 * Large uploads from a signed-in person wait for a place before their body is read, so that a
 * few at once cannot fill the server's memory (see upload-queue.ts). A body of unknown length
 * counts as large. A signed-out request is never queued: its action refuses it without reading.
 */
export const uploads: Handle = async ({ event, resolve }) => {
	if (safeMethods.has(event.request.method) || !event.locals.user) return resolve(event);
	if (bodyLimitFor(event.url.pathname) !== uploadBodyLimit) return resolve(event);
	const length = event.request.headers.get('content-length');
	if (length !== null && Number(length) <= largeBody) return resolve(event);
	const places = uploadPlaces();
	if (places === 0) return resolve(event);
	queue ??= createUploadQueue({ places, maxWaiting: 16, maxWaitMs: 120_000 });
	const leave = await queue.enter();
	if (!leave) return refuse(event, 503, 'media.busy.body', 'media.busy.title');
	try {
		return await resolve(event);
	} finally {
		leave();
	}
};

export const securityHeaders: Handle = async ({ event, resolve }) => {
	const response = await resolve(event);
	const headers = response.headers;
	const set = (name: string, value: string) => {
		try {
			headers.set(name, value);
		} catch {
			// Some responses (a fetched one, passed through) have immutable headers.
		}
	};
	for (const [name, value] of Object.entries(baseHeaders)) {
		// SvelteKit's own CSP, with this request's nonce, is the one that counts on its pages.
		if (name !== 'content-security-policy' || !headers.has(name)) set(name, value);
	}
	// Nothing SvelteKit renders is cached: pages and data may hold a child's record.
	set('cache-control', 'no-store');
	if (event.url.protocol === 'https:') {
		set('strict-transport-security', hsts);
	}
	return response;
};
