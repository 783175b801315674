import fs from 'node:fs';
import path from 'node:path';
import http from 'node:http';
import { openDatabase } from '../lib/server/db';
import { dataDir, databasePath, demoEnabled } from '../lib/server/config';
import { isEmpty } from '../lib/server/accounts/bootstrap';
import { seedDemo } from '../lib/server/demo/seed';
import { pruneAttempts } from '../lib/server/auth/throttle';
import { verifyAndCheckpoint } from '../lib/server/record/verify';
import { describeProblem } from '../lib/server/record/report';
import { printDemoBanner, writeDemoSignIns } from '../lib/server/demo/sign-ins-file';
import { ensureBuilt } from './build';
import { baseHeaders } from '../lib/server/web/headers';

// npm start: build if the sources changed, migrate, seed demo data on an empty database, serve.

ensureBuilt();

const db = openDatabase(databasePath());
if (isEmpty(db)) {
	if (demoEnabled()) {
		const signIns = await seedDemo(db);
		const file = writeDemoSignIns(dataDir(), signIns);
		printDemoBanner(signIns, file);
	} else {
		console.log('No accounts yet. Make the first administrator with: npm run admin:create');
	}
} else if (fs.existsSync(path.join(dataDir(), 'demo-sign-ins.txt'))) {
	console.log(
		`DEMO DATA: this database holds demo data. Sign-ins: ${path.join(dataDir(), 'demo-sign-ins.txt')}`
	);
}

// Sign-in attempts older than a day no longer count; keep the table small.
pruneAttempts(db);
setInterval(() => pruneAttempts(db), 60 * 60 * 1000).unref();

// The daily check of every record's chain, the checkpoints and their outside copy, the access log
// and the media files, signing a checkpoint only when all is whole (a failure raises the alerts
// that managers and administrators see on every page).
function dailyVerify() {
	const result = verifyAndCheckpoint(db);
	if (!result.ok) console.error(`RECORD CHECK FAILED: ${describeProblem(result.problems[0]!)}`);
}
dailyVerify();
setInterval(dailyVerify, 24 * 60 * 60 * 1000).unref();

process.env.BODY_SIZE_LIMIT ??= '64M';
// adapter-node assumes https when no proxy header says otherwise. This server speaks plain HTTP, so
// a request that did not come through a configured proxy (which sets PROTOCOL_HEADER) is http.
const proxyHeader = process.env.PROTOCOL_HEADER?.toLowerCase();
const protocolHeader = proxyHeader || 'x-waymark-protocol';
process.env.PROTOCOL_HEADER = protocolHeader;
const { handler } = await import(path.resolve('build/handler.js'));
const port = Number(process.env.PORT || 3000);
const host = process.env.HOST || '0.0.0.0';
const server = http.createServer((req, res) => {
	if (!proxyHeader || !req.headers[protocolHeader]) req.headers[protocolHeader] = 'http';
	// Static files never pass through SvelteKit's hooks: they get the base headers here.
	for (const [name, value] of Object.entries(baseHeaders)) res.setHeader(name, value);
	handler(req, res);
});
server.listen(port, host, () => {
	const shown = host === '0.0.0.0' ? 'localhost' : host;
	console.log(`Waymark is running at http://${shown}:${port}`);
});

function stop() {
	server.close(() => {
		db.$client.close();
		process.exit(0);
	});
	setTimeout(() => process.exit(0), 3000).unref();
}
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
