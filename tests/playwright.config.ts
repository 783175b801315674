import { defineConfig } from '@playwright/test';
import { chromiumArgs, findChromium } from './browser';
import { baseURL } from './fixtures/env';

/**
 * Two workers, one per core of a CI machine, each with a Waymark server and data folder of its own
 * (tests/fixtures/web-server.ts, started by the worker fixture in tests/fixtures/test.ts): files
 * run side by side and still never share a database. Tests within a file run in order, in one
 * worker. `--workers=1` runs everything against one server, as before.
 */
export default defineConfig({
	testDir: '.',
	testMatch: '*.test.ts',
	workers: 2,
	fullyParallel: false,
	forbidOnly: true,
	retries: 0,
	timeout: 90_000,
	reporter: [['list']],
	globalSetup: './global-setup.ts',
	use: {
		// This worker's server: the config is read again in each worker, after Playwright has set
		// TEST_PARALLEL_INDEX (see fixtures/env.ts).
		baseURL,
		browserName: 'chromium',
		launchOptions: { ...findChromium(), args: chromiumArgs },
		trace: 'off'
	}
});
