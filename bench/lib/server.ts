import fs from 'node:fs';
import path from 'node:path';
import { spawn } from 'node:child_process';
import { ensureBuilt } from '../../src/cli/build';

/**
 * A script run with tsx in its own process; resolves (with a stop function, which also carries
 * the process id) once it says "running at".
 */
export function spawnUntilRunning(args: string[], env: Record<string, string>) {
	const child = spawn(process.execPath, ['node_modules/tsx/dist/cli.mjs', ...args], {
		env: { ...process.env, ...env },
		stdio: ['ignore', 'pipe', 'inherit'],
		// A process group of its own: stopping it stops Waymark's workers too, not only the primary
		// (a stopped primary's workers kept the port, and the next run could not start).
		detached: true
	});
	const stop = () => {
		try {
			process.kill(-child.pid!, 'SIGTERM');
		} catch {
			// Already gone.
		}
	};
	process.once('exit', stop);
	return new Promise<(() => void) & { pid: number }>((resolve, reject) => {
		let out = '';
		child.stdout.on('data', (chunk: Buffer) => {
			out += chunk;
			if (out.includes('running at')) resolve(Object.assign(stop, { pid: child.pid! }));
		});
		child.on('exit', (code) => reject(new Error(`exited with ${code}: ${out}`)));
	});
}

/**
 * Waymark as `npm start` runs it, on a fresh data folder with the demo data, on its own port: for
 * measurements that need a real HTTP server and a real browser. Stop it with `stop()`.
 */
export async function startServer(name: string, port: number) {
	ensureBuilt();
	const dataDir = path.resolve('bench/.data', name);
	fs.rmSync(dataDir, { recursive: true, force: true });
	const stop = await spawnUntilRunning(['src/cli/start.ts'], {
		DATA_DIR: dataDir,
		PORT: String(port),
		HOST: '127.0.0.1'
	});
	return { dataDir, origin: `http://127.0.0.1:${port}`, stop };
}
