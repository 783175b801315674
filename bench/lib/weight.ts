import { gzipSync } from 'node:zlib';
import type { Page } from '@playwright/test';

/**
 * What a page costs a phone before anyone touches it, measured in a real browser: the gzip size
 * of the first HTML response, and of every script the page runs on load. The editor is not in
 * it: it loads only when a child starts writing. gzip level 9, as a server would send them.
 */
export type Weight = { html: number; js: number; scripts: number };

export const gzipSize = (body: Buffer | string) => gzipSync(body, { level: 9 }).length;

export async function pageWeight(page: Page, url: string): Promise<Weight> {
	const scripts: Promise<number>[] = [];
	const onResponse = (response: import('@playwright/test').Response) => {
		if (response.request().resourceType() === 'script') {
			scripts.push(response.body().then(gzipSize, () => 0));
		}
	};
	page.on('response', onResponse);
	const response = await page.goto(url, { waitUntil: 'networkidle' });
	page.off('response', onResponse);
	if (!response || response.status() !== 200) {
		throw new Error(`${url} answered ${response?.status()}`);
	}
	const sizes = await Promise.all(scripts);
	return {
		html: gzipSize(await response.body()),
		js: sizes.reduce((a, b) => a + b, 0),
		scripts: sizes.length
	};
}

/** The budgets of the issue: child pages at most 60 KB of script, the child's home 14 KB of HTML. */
export const budgets = { js: 60 * 1024, homeHtml: 14 * 1024 };
