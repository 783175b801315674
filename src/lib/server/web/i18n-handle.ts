import type { Handle } from '@sveltejs/kit';
import { createI18n } from '$lib/i18n';
import {
	defaultLocale,
	directionOf,
	isLocale,
	matchAcceptLanguage,
	type Locale
} from '$lib/i18n/locales';

export const languageCookie = 'waymark-lang';

/** The person's saved choice, then this browser's choice, then the browser's languages. */
export function chooseLocale(
	saved: string | null | undefined,
	cookie: string | undefined,
	acceptLanguage: string | null
): Locale {
	if (isLocale(saved)) return saved;
	if (isLocale(cookie)) return cookie;
	return matchAcceptLanguage(acceptLanguage) ?? defaultLocale;
}

/** One i18next instance per request, and `<html lang dir>` to match. */
export const i18n: Handle = async ({ event, resolve }) => {
	const locale = chooseLocale(
		event.locals.user?.locale,
		event.cookies.get(languageCookie),
		event.request.headers.get('accept-language')
	);
	event.locals.locale = locale;
	event.locals.i18n = await createI18n(locale);
	return resolve(event, {
		transformPageChunk: ({ html }) =>
			html.replace('%waymark.lang%', locale).replace('%waymark.dir%', directionOf(locale))
	});
};
