import type { RequestHandler } from './$types';
import { getDb } from '$lib/server/db';
import { exportOwn } from '$lib/server/space/export';
import { guardAsync, requireChildActor } from '$lib/server/web/guards';

/** Everything the child added, as a zip of open formats. */
export const GET: RequestHandler = async ({ locals }) => {
	const actor = requireChildActor(locals);
	const bytes = await guardAsync(() => exportOwn(getDb(), actor, locals.address));
	return new Response(new Uint8Array(bytes), {
		headers: {
			'content-type': 'application/zip',
			'content-disposition': 'attachment; filename="my-story.zip"',
			'x-content-type-options': 'nosniff',
			'cache-control': 'no-store'
		}
	});
};
