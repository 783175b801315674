import { playwright } from '@vitest/browser-playwright';
import { defineConfig, mergeConfig } from 'vitest/config';
import viteConfig from './vite.config';
import { chromiumArgs, findChromium } from './tests/browser';

/**
 * Two projects, as `sv create` sets them up. 'server': everything in Node (domain code against an
 * in-memory database, pure modules). 'client': code that needs a real browser (the page script,
 * the offline drafts with IndexedDB and Web Crypto, the tiptap editor, components), in one
 * headless Chromium (the one tests/browser.ts finds, as for Playwright) shared by every file.
 */
export default mergeConfig(
	viteConfig,
	defineConfig({
		test: {
			expect: { requireAssertions: true },
			env: { WAYMARK_SECRET: 'test-secret-test-secret-test-secret-0123' },
			projects: [
				{
					extends: true,
					test: {
						name: 'server',
						environment: 'node',
						include: ['src/**/*.spec.ts'],
						exclude: ['src/**/*.svelte.spec.ts', 'src/**/*.browser.spec.ts']
					}
				},
				{
					extends: true,
					test: {
						name: 'client',
						// A real browser on a busy machine: the editor alone is 140 KB to load.
						testTimeout: 30_000,
						include: ['src/**/*.svelte.spec.ts', 'src/**/*.browser.spec.ts'],
						browser: {
							enabled: true,
							headless: true,
							provider: playwright({
								launchOptions: { ...findChromium(), args: chromiumArgs }
							}),
							instances: [{ browser: 'chromium' }],
							// A failure says what failed; no pictures left in the source tree.
							screenshotFailures: false
						}
					}
				}
			]
		}
	})
);
