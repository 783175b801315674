import { building } from '$app/environment';
import { page } from '$app/state';

/**
 * This page, for forms that change how the site reads (language, easy read) and come back to it.
 * A prerendered page (the offline page) has no query string to return to.
 */
export function here(): string {
	return building ? page.url.pathname : page.url.pathname + page.url.search;
}
