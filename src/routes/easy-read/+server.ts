import { redirect } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { easyReadCookie, rememberOnDevice } from '$lib/server/web/hooks/i18n';
import { readForm, safeReturn } from '$lib/server/web/guards';

/** Turns easy read on or off for this browser, then returns to the same page. */
export const POST: RequestHandler = async ({ request, cookies, url }) => {
	const form = await readForm(request);
	rememberOnDevice(cookies, url, easyReadCookie, form.get('easyRead') === 'on' ? '1' : '0');
	redirect(303, safeReturn(form.get('returnTo')));
};
