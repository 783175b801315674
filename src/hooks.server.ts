import type { HandleServerError } from '@sveltejs/kit';
import { sequence } from '@sveltejs/kit/hooks';
import { auth } from '$lib/server/auth/handle';
import { i18n } from '$lib/server/web/hooks/i18n';
import { crossSite, input, securityHeaders, uploads } from '$lib/server/web/hooks/security';

export const handle = sequence(securityHeaders, auth, i18n, crossSite, input, uploads);

/** Never show an exception's text: log it with an id the person can quote. */
export const handleError: HandleServerError = ({ error, status }) => {
	const id = crypto.randomUUID().slice(0, 8);
	if (status >= 500) console.error(`[${id}]`, error);
	return { message: `error.status${status}`, id };
};
