import os from 'node:os';
import { execSync } from 'node:child_process';

/** Median and 95th percentile of timings, in milliseconds, and a markdown row for docs. */
export function summarise(label: string, timings: number[]) {
	const sorted = [...timings].sort((a, b) => a - b);
	const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;
	const result = {
		label,
		runs: sorted.length,
		median: at(0.5),
		p95: at(0.95),
		max: sorted.at(-1)!
	};
	console.log(
		`| ${label} | ${result.runs} | ${result.median.toFixed(2)} ms | ${result.p95.toFixed(2)} ms | ${result.max.toFixed(2)} ms |`
	);
	return result;
}

export function header(): void {
	console.log('| what | runs | median | p95 | max |');
	console.log('| --- | --- | --- | --- | --- |');
}

/**
 * What a figure needs beside it to be read later: the commit measured and how busy the machine
 * was (the load average over 1, 5 and 15 minutes; on 2 cores, anything near 2 or above means other
 * work shared them).
 */
export function machineNote(): string {
	const commit = execSync('git rev-parse --short HEAD').toString().trim();
	const dirty = execSync('git status --porcelain --untracked-files=no').toString().trim();
	const load = os
		.loadavg()
		.map((l) => l.toFixed(2))
		.join(', ');
	return `commit ${commit}${dirty ? ' (with changes)' : ''}, load average ${load}`;
}
