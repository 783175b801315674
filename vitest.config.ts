import fs from 'node:fs';
import path from 'node:path';
import { playwright } from '@vitest/browser-playwright';
import { defineConfig, mergeConfig } from 'vitest/config';
import viteConfig from './vite.config';
import { chromiumArgs, findChromium } from './tests/browser';

/** Every spec file under a folder. */
function specsUnder(dir: string): string[] {
	return fs
		.readdirSync(dir, { recursive: true, encoding: 'utf8' })
		.filter((name) => name.endsWith('.spec.ts'))
		.map((name) => path.join(dir, name).split(path.sep).join('/'));
}

const nodeSpecs = specsUnder('src').filter(
	(file) => !file.endsWith('.svelte.spec.ts') && !file.endsWith('.browser.spec.ts')
);
/**
 * A file that replaces a module with vi.mock needs a module registry of its own: the module it
 * mocks may already have been loaded, unmocked, by another file in the same worker.
 */
const mocking = nodeSpecs.filter((file) =>
	/\bvi\.(mock|doMock)\(/.test(fs.readFileSync(file, 'utf8'))
);

/**
 * Three projects. 'server': everything in Node (domain code against an in-memory database, pure
 * modules), the files of each worker sharing one module registry (isolate: false): each file
 * builds its own database, so only the cost of importing the app's modules again for every file
 * is saved. 'server-mocking': the few Node files that mock a module, each with a registry of its
 * own. 'client': code that needs a real browser (the page script, the offline drafts with
 * IndexedDB and Web Crypto, the tiptap editor, components), in one headless Chromium (the one
 * tests/browser.ts finds, as for Playwright) shared by every file.
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
						include: nodeSpecs.filter((file) => !mocking.includes(file)),
						isolate: false
					}
				},
				{
					extends: true,
					test: {
						name: 'server-mocking',
						environment: 'node',
						include: mocking
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
