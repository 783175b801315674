import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import cluster from 'node:cluster';
import { spawn } from 'node:child_process';
import { openDatabase } from '../lib/server/db';
import { dataDir, databasePath, demoEnabled } from '../lib/server/config';
import { isEmpty } from '../lib/server/accounts/bootstrap';
import { seedDemo } from '../lib/server/demo/seed';
import { pruneAttempts } from '../lib/server/auth/throttle';
import { verifyAndCheckpoint } from '../lib/server/record/verify';
import { describeProblem } from '../lib/server/record/report';
import { trustedCheckpoint } from '../lib/server/record/verify-recent';
import { openAlerts } from '../lib/server/record/alerts';
import { printDemoBanner, writeDemoSignIns } from '../lib/server/demo/sign-ins-file';
import { ensureBuilt } from './build';
import { serve } from './serve';

// npm start: build if the sources changed, migrate, seed demo data on an empty database, check
// what was added since the last checkpoint, then serve from one worker per core. The periodic
// jobs run here, in the primary, once; the daily full walk of every record runs in a process of
// its own, so no request ever waits for it.

const hour = 60 * 60 * 1000;

if (cluster.isWorker) {
	await serve();
} else {
	await primary();
}

async function primary() {
	// The e2e suite builds once, before its servers start: one rebuilding under another would
	// swap the files it serves.
	if (!process.env.WAYMARK_SKIP_BUILD) ensureBuilt();
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
	setInterval(() => pruneAttempts(db), hour).unref();

	// Daily, and whenever there is no checkpoint to start from: every record, checkpoint,
	// access-log row and file, walked by `npm run verify` in a process of its own.
	const fullWalk = () => {
		spawn(process.execPath, [...process.execArgv, path.resolve('src/cli/verify.ts')], {
			stdio: 'inherit'
		}).on('error', (e) => console.error('The record check could not start:', e));
	};
	setInterval(fullWalk, 24 * hour).unref();
	// At start and every hour: what was added since the newest checkpoint (quick); when all is whole,
	// a new checkpoint once the newest is a day old. A failure raises the alerts managers and
	// administrators see on every page at once.
	const quickCheck = () => {
		// No checkpoint to start from, or a problem still open: only a full walk will do.
		if (!trustedCheckpoint(db) || openAlerts(db).length > 0) return fullWalk();
		const result = verifyAndCheckpoint(db, new Date(), { recent: true, signEvery: 23 * hour });
		if (!result.ok) console.error(`RECORD CHECK FAILED: ${describeProblem(result.problems[0]!)}`);
	};
	quickCheck();
	setInterval(quickCheck, hour).unref();

	const workers = Number(process.env.WAYMARK_WORKERS) || os.availableParallelism();
	let stopping = false;
	for (let i = 0; i < workers; i++) cluster.fork();
	cluster.on('exit', (worker, code, signal) => {
		if (stopping) return;
		console.error(`A Waymark worker stopped (${signal ?? code}); starting another.`);
		cluster.fork();
	});
	let announced = false;
	cluster.on('listening', () => {
		if (announced) return;
		announced = true;
		const host = process.env.HOST || '0.0.0.0';
		const shown = host === '0.0.0.0' ? 'localhost' : host;
		console.log(
			`Waymark is running at http://${shown}:${Number(process.env.PORT || 3000)} (${workers} workers)`
		);
	});

	const stop = () => {
		stopping = true;
		for (const worker of Object.values(cluster.workers ?? {})) worker?.process.kill('SIGTERM');
		db.$client.close();
		setTimeout(() => process.exit(0), 3000).unref();
		cluster.disconnect(() => process.exit(0));
	};
	process.on('SIGINT', stop);
	process.on('SIGTERM', stop);
}
