import path from 'node:path';
import http from 'node:http';
import { baseHeaders } from '../lib/server/web/hooks/headers';

/**
 * One worker of `npm start`: serves the built app on the shared port (node:cluster hands each
 * connection to a worker). Workers run no periodic job; the primary does, once (start.ts).
 */
export async function serve(): Promise<void> {
	process.env.BODY_SIZE_LIMIT ??= '64M';
	// adapter-node assumes https when no proxy header says otherwise. This server speaks plain HTTP,
	// so a request that did not come through a configured proxy (which sets PROTOCOL_HEADER) is http.
	const proxyHeader = process.env.PROTOCOL_HEADER?.toLowerCase();
	const protocolHeader = proxyHeader || 'x-waymark-protocol';
	process.env.PROTOCOL_HEADER = protocolHeader;
	const { handler } = await import(path.resolve('build/handler.js'));
	const server = http.createServer((req, res) => {
		if (!proxyHeader || !req.headers[protocolHeader]) req.headers[protocolHeader] = 'http';
		// Static files never pass through SvelteKit's hooks: they get the base headers here.
		for (const [name, value] of Object.entries(baseHeaders)) res.setHeader(name, value);
		handler(req, res);
	});
	server.listen(Number(process.env.PORT || 3000), process.env.HOST || '0.0.0.0');
	const stop = () => server.close(() => process.exit(0));
	process.on('SIGTERM', stop);
	process.on('SIGINT', stop);
	// The primary is gone (stopped, or killed): never keep serving on our own.
	process.on('disconnect', () => process.exit(0));
}
