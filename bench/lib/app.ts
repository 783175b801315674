import fs from 'node:fs';
import path from 'node:path';
import { ensureBuilt } from '../../src/cli/build';

/**
 * The built Waymark server, in this process, on a fresh data folder: requests go straight to
 * SvelteKit's `respond`, so the time measured is the server's own (no network, no browser).
 */
export async function startApp(name: string) {
	ensureBuilt();
	const dataDir = path.resolve('bench/.data', name);
	fs.rmSync(dataDir, { recursive: true, force: true });
	process.env.DATA_DIR = dataDir;
	process.env.WAYMARK_SECRET ??= 'benchmark-secret-benchmark-secret-0123456789';
	const { Server } = await import(path.resolve('.svelte-kit/output/server/index.js'));
	const { manifest } = await import(path.resolve('.svelte-kit/output/server/manifest.js'));
	const server = new Server(manifest);
	await server.init({ env: process.env as Record<string, string> });
	return {
		dataDir,
		/** One request, as the browser would send it; resolves when the whole body is read. */
		async get(
			url: string,
			cookie: string
		): Promise<{ status: number; bytes: number; body: string }> {
			const request = new Request(`http://localhost${url}`, {
				headers: { cookie, accept: 'text/html', 'sec-fetch-site': 'same-origin' }
			});
			const response: Response = await server.respond(request, {
				getClientAddress: () => '127.0.0.1'
			});
			const body = await response.text();
			return { status: response.status, bytes: body.length, body };
		}
	};
}
