import fs from 'node:fs';
import path from 'node:path';
import { spawn } from 'node:child_process';
import { ensureBuilt } from '../../src/cli/build';

/**
 * Waymark as `npm start` runs it, on a fresh data folder with the demo data, on its own port: for
 * measurements that need a real HTTP server and a real browser. Stop it with `stop()`.
 */
export async function startServer(name: string, port: number) {
	ensureBuilt();
	const dataDir = path.resolve('bench/.data', name);
	fs.rmSync(dataDir, { recursive: true, force: true });
	const child = spawn(process.execPath, ['node_modules/tsx/dist/cli.mjs', 'src/cli/start.ts'], {
		env: { ...process.env, DATA_DIR: dataDir, PORT: String(port), HOST: '127.0.0.1' },
		stdio: ['ignore', 'pipe', 'inherit']
	});
	await new Promise<void>((resolve, reject) => {
		let out = '';
		child.stdout.on('data', (chunk: Buffer) => {
			out += chunk;
			if (out.includes('running at')) resolve();
		});
		child.on('exit', (code) => reject(new Error(`server exited with ${code}: ${out}`)));
	});
	return {
		dataDir,
		origin: `http://127.0.0.1:${port}`,
		stop: () => child.kill()
	};
}
