import fs from 'node:fs';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';

const inputs = [
	'src',
	'messages',
	'static',
	'svelte.config.js',
	'vite.config.ts',
	'package-lock.json'
];

function newest(entry: string): number {
	if (!fs.existsSync(entry)) return 0;
	const stat = fs.statSync(entry);
	if (!stat.isDirectory()) return stat.mtimeMs;
	return Math.max(0, ...fs.readdirSync(entry).map((name) => newest(path.join(entry, name))));
}

/** Runs `vite build` when the build is missing or older than any source. */
export function ensureBuilt(): void {
	const built = 'build/handler.js';
	if (fs.existsSync(built) && fs.statSync(built).mtimeMs > Math.max(...inputs.map(newest))) return;
	console.log('Building Waymark (first start, or the code changed)...');
	const vitePackage = createRequire(import.meta.url).resolve('vite/package.json');
	const vite = path.join(path.dirname(vitePackage), 'bin/vite.js');
	const result = spawnSync(process.execPath, [vite, 'build'], { stdio: 'inherit' });
	if (result.status !== 0) process.exit(result.status ?? 1);
}
