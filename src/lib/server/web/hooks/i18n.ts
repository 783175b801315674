import type { Cookies, Handle } from '@sveltejs/kit';
import { createI18n } from '$lib/i18n';
import { isChildRole } from '$lib/server/access/roles';
import {
	defaultLocale,
	directionOf,
	isLocale,
	matchAcceptLanguage,
	type Locale
} from '$lib/i18n/locales';

export const languageCookie = 'waymark-lang';
export const easyReadCookie = 'waymark-easy';

/** A reading choice (language, easy read) kept by this browser for a year. */
export function rememberOnDevice(cookies: Cookies, url: URL, name: string, value: string): void {
	cookies.set(name, value, {
		path: '/',
		httpOnly: true,
		sameSite: 'lax',
		secure: url.protocol === 'https:',
		maxAge: 60 * 60 * 24 * 365
	});
}

/** Easy read is the child's: offered to children and to anyone not yet signed in, never to staff. */
export function easyReadFor(user: { role: Parameters<typeof isChildRole>[0] } | null): boolean {
	return !user || isChildRole(user.role);
}

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

/** One i18next instance per request, and `<html lang dir class>` to match. */
export const i18n: Handle = async ({ event, resolve }) => {
	const locale = chooseLocale(
		event.locals.user?.locale,
		event.cookies.get(languageCookie),
		event.request.headers.get('accept-language')
	);
	// Staff on a shared device always get the usual wording.
	const easyRead = event.cookies.get(easyReadCookie) === '1' && easyReadFor(event.locals.user);
	event.locals.locale = locale;
	event.locals.easyRead = easyRead;
	event.locals.i18n = await createI18n(locale, { easyRead });
	return resolve(event, {
		transformPageChunk: ({ html }) =>
			html.replace(
				'lang="%waymark.lang%" dir="%waymark.dir%" class="%waymark.class%"',
				`lang="${locale}" dir="${directionOf(locale)}" class="${easyRead ? 'easy-read' : ''}"`
			)
	});
};
