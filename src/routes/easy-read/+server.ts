import { redirect } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { easyReadCookie } from '$lib/server/web/i18n-handle';
import { readForm, safeReturn } from '$lib/server/web/guards';

/** Turns easy read on or off for this browser, then returns to the same page. */
export const POST: RequestHandler = async ({ request, cookies, url }) => {
	const form = await readForm(request);
	cookies.set(easyReadCookie, form.get('easyRead') === 'on' ? '1' : '0', {
		path: '/',
		httpOnly: true,
		sameSite: 'lax',
		secure: url.protocol === 'https:',
		maxAge: 60 * 60 * 24 * 365
	});
	redirect(303, safeReturn(form.get('returnTo')));
};
