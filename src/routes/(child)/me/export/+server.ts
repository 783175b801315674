import type { RequestHandler } from './$types';
import { getDb } from '$lib/server/db';
import { exportEverything } from '$lib/server/export/everything';
import { streamOf } from '$lib/server/export/zip-stream';
import { directionOf } from '$lib/i18n/locales';
import { guard, requireChildActor } from '$lib/server/web/guards';

/**
 * "Download everything": all the person can see of their record, as a zip of open formats,
 * written while it is sent (see export/everything.ts).
 */
export const GET: RequestHandler = ({ locals }) => {
	const actor = requireChildActor(locals);
	const chunks = guard(() =>
		exportEverything(getDb(), actor, {
			text: { t: locals.i18n.t, locale: locals.locale, dir: directionOf(locals.locale) },
			address: locals.address
		})
	);
	return new Response(streamOf(chunks), {
		headers: {
			'content-type': 'application/zip',
			'content-disposition': 'attachment; filename="my-record.zip"',
			'x-content-type-options': 'nosniff',
			'cache-control': 'no-store'
		}
	});
};
