import http from 'node:http';
import { openDatabase } from '../../src/lib/server/db';
import { validateSessionToken } from '../../src/lib/server/auth/session';
import { actorFrom } from '../../src/lib/server/access/actor';
import { timelineFor } from '../../src/lib/server/read-model/story';

/**
 * The baseline for `npm run bench:server`: a bare Node HTTP handler doing the same database work
 * as the child's timeline route (the session check and the timeline's own queries, through the
 * same functions, so the same SQL), and answering JSON. No SvelteKit, no hooks (security headers,
 * cross-site check, languages), no Svelte rendering.
 * Run as: tsx bench/lib/bare-timeline.ts <database> <port>
 */
const [file, port] = process.argv.slice(2);
const db = openDatabase(file!);
http
	.createServer((req, res) => {
		const token = /waymark-session=([^;]+)/.exec(req.headers.cookie ?? '')?.[1];
		const valid = token ? validateSessionToken(db, token) : null;
		if (!valid?.user.childId) {
			res.writeHead(401).end();
			return;
		}
		const page = Number(new URL(req.url ?? '/', 'http://x').searchParams.get('page')) || 1;
		const result = timelineFor(db, actorFrom(valid.user, valid.user.childId), {
			page,
			locale: 'en-GB'
		});
		res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(result));
	})
	.listen(Number(port), '127.0.0.1', () => console.log('running at', port));
