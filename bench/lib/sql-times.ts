import Database from 'better-sqlite3';

type Times = { n: number; ms: number };

/**
 * Times every statement this process runs, by its SQL, and every prepare: better-sqlite3's
 * methods wrapped for the rest of the process (for bench:profile only).
 */
export async function timeStatements() {
	const times = new Map<string, Times>();
	const add = (key: string, since: number) => {
		const t = times.get(key) ?? { n: 0, ms: 0 };
		t.n++;
		t.ms += performance.now() - since;
		times.set(key, t);
	};
	const probe = new Database(':memory:');
	const statement = Object.getPrototypeOf(probe.prepare('SELECT 1')) as Record<
		string,
		(...args: unknown[]) => unknown
	>;
	probe.close();
	for (const method of ['all', 'get', 'run', 'iterate']) {
		const original = statement[method]!;
		statement[method] = function (this: { source: string }, ...args: unknown[]) {
			const since = performance.now();
			try {
				return original.apply(this, args);
			} finally {
				add(this.source.replace(/\s+/g, ' '), since);
			}
		};
	}
	const prepare = Database.prototype.prepare;
	Database.prototype.prepare = function (this: Database.Database, source: string) {
		const since = performance.now();
		try {
			return prepare.call(this, source);
		} finally {
			add('(prepare)', since);
		}
	} as typeof prepare;
	return {
		print(top = 30) {
			console.log('\nstatements, by the time spent in them');
			for (const [source, { n, ms }] of [...times].sort((a, b) => b[1].ms - a[1].ms).slice(0, top))
				console.log(
					`${ms.toFixed(0).padStart(6)} ms ${String(n).padStart(6)}x ${(ms / n).toFixed(3)} ms  ${source.slice(0, 240)}`
				);
		}
	};
}
