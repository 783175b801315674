import { defineConfig } from '@playwright/test';
import { chromiumArgs, findChromium } from './browser';
import { baseURL, dataDir, port, root } from './fixtures/env';

export default defineConfig({
	testDir: '.',
	testMatch: '*.test.ts',
	workers: 1,
	fullyParallel: false,
	forbidOnly: true,
	retries: 0,
	timeout: 90_000,
	reporter: [['list']],
	use: {
		baseURL,
		browserName: 'chromium',
		launchOptions: { ...findChromium(), args: chromiumArgs },
		trace: 'off'
	},
	webServer: {
		command: `rm -rf "${dataDir}" && node node_modules/tsx/dist/cli.mjs src/cli/start.ts`,
		cwd: root,
		url: `http://127.0.0.1:${port}/sign-in`,
		timeout: 300_000,
		reuseExistingServer: false,
		stdout: 'ignore',
		env: {
			DATA_DIR: dataDir,
			PORT: String(port),
			HOST: '127.0.0.1',
			// As behind a real proxy: a test asks for https with the header the proxy would set.
			PROTOCOL_HEADER: 'x-forwarded-proto'
		}
	}
});
