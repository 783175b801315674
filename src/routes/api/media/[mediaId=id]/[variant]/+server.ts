import { error } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { getDb } from '$lib/server/db';
import { mediaForReader } from '$lib/server/space/attachments';
import { mediaFile, readMedia } from '$lib/server/media';
import { guard } from '$lib/server/web/guards';

const variants = { display: 'photo', thumb: 'photo', audio: 'audio' } as const;

/**
 * A photo or recording, for someone who may see the entry it belongs to. Served as a download
 * that can do nothing but be shown: no sniffing, sandboxed, same-origin only, never cached.
 */
export const GET: RequestHandler = async ({ locals, params }) => {
	if (!locals.actor) error(401, 'error.status401');
	const variant = params.variant as keyof typeof variants;
	if (!(variant in variants)) error(404, 'error.status404');
	const row = guard(() => mediaForReader(getDb(), locals.actor!, params.mediaId));
	if (variants[variant] !== row.kind) error(404, 'error.status404');
	const bytes = await readMedia(mediaFile(row.id, variant, row.extension)).catch(() =>
		error(404, 'error.status404')
	);
	return new Response(new Uint8Array(bytes), {
		headers: {
			'content-type': row.kind === 'photo' ? 'image/webp' : row.mime,
			'content-length': String(bytes.length),
			'content-disposition': `inline; filename="${row.id}-${variant}.${row.extension}"`,
			'x-content-type-options': 'nosniff',
			'content-security-policy': "default-src 'none'; sandbox",
			'cross-origin-resource-policy': 'same-origin',
			'cache-control': 'no-store'
		}
	});
};
