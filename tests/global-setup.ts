import fs from 'node:fs';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { dataRoot, root } from './fixtures/env';

/**
 * Once, before any worker starts its server: build the app if the sources changed (what `npm start`
 * does first, but here once, not in two servers at the same time), and clear the last run's data
 * folders. The build's file list is shown only when it fails.
 */
export default function globalSetup() {
	const started = Date.now();
	const tsx = path.join(root, 'node_modules/tsx/dist/cli.mjs');
	const build = spawnSync(
		process.execPath,
		[tsx, '--eval', "import('./src/cli/build.ts').then((m) => m.ensureBuilt())"],
		{ cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] }
	);
	if (build.status !== 0) {
		throw new Error(`The build failed:\n${build.stdout}\n${build.stderr}`);
	}
	if (build.stdout.includes('Building Waymark')) {
		console.log(`Built the app in ${Math.round((Date.now() - started) / 1000)} s`);
	}
	fs.rmSync(dataRoot, { recursive: true, force: true });
}
