import fs from 'node:fs';

type Node = {
	id: number;
	callFrame: { functionName: string; url: string; lineNumber: number };
	children?: number[];
};
type Profile = { nodes: Node[]; samples: number[]; timeDeltas: number[] };

/** Where a script lives, short: the package for dependencies, the path from src/ for ours. */
function fileOf(url: string): string {
	if (!url) return '(native)';
	const modules = url.lastIndexOf('node_modules/');
	if (modules >= 0) {
		const rest = url.slice(modules + 13).split('/');
		return rest[0]!.startsWith('@') ? `${rest[0]}/${rest[1]}` : rest[0]!;
	}
	const at = url.search(/\/(src|\.svelte-kit|bench)\//);
	return at >= 0 ? url.slice(at + 1) : url.replace(/^file:\/\//, '');
}

/**
 * Sums a V8 CPU profile's self time by function and by file, and the total time under each of our
 * own functions, and prints the largest: what `node --cpu-prof` (or the inspector) wrote.
 */
export function summariseProfile(profile: Profile, top = 40): void {
	const byId = new Map(profile.nodes.map((n) => [n.id, n]));
	const parent = new Map<number, number>();
	for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
	const self = new Map<number, number>();
	profile.samples.forEach((id, i) =>
		self.set(id, (self.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0))
	);
	const total = [...self.values()].reduce((a, b) => a + b, 0);
	const fns = new Map<string, number>();
	const files = new Map<string, number>();
	const inclusive = new Map<string, number>();
	for (const [id, us] of self) {
		const { callFrame: f } = byId.get(id)!;
		const key = `${f.functionName || '(anonymous)'} ${fileOf(f.url)}:${f.lineNumber + 1}`;
		fns.set(key, (fns.get(key) ?? 0) + us);
		files.set(fileOf(f.url), (files.get(fileOf(f.url)) ?? 0) + us);
		// Inclusive time for each of our own functions on the stack, counted once per sample.
		const seen = new Set<string>();
		for (let at: number | undefined = id; at !== undefined; at = parent.get(at)) {
			const g = byId.get(at)!.callFrame;
			if (!/\/(src|\.svelte-kit)\//.test(g.url)) continue;
			const k = `${g.functionName || '(anonymous)'} ${fileOf(g.url)}:${g.lineNumber + 1}`;
			if (seen.has(k)) continue;
			seen.add(k);
			inclusive.set(k, (inclusive.get(k) ?? 0) + us);
		}
	}
	const show = (title: string, m: Map<string, number>, n: number) => {
		console.log(`\n${title}`);
		for (const [k, us] of [...m].sort((a, b) => b[1] - a[1]).slice(0, n))
			console.log(
				`${((100 * us) / total).toFixed(1).padStart(5)}%  ${(us / 1000).toFixed(0).padStart(6)} ms  ${k}`
			);
	};
	console.log(`total ${(total / 1000).toFixed(0)} ms sampled`);
	show('self time by file', files, 25);
	show('self time by function', fns, top);
	show('total time under our functions (src/)', inclusive, top);
}

if (process.argv[1]?.endsWith('cpu-profile.ts') && process.argv[2]) {
	summariseProfile(
		JSON.parse(fs.readFileSync(process.argv[2], 'utf8')),
		Number(process.argv[3] ?? 40)
	);
}
