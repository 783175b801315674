import i18next, { type i18n, type TFunction } from 'i18next';
import { defaultLocale, isLocale, type Locale } from './locales';

type Messages = Record<string, unknown>;

// One chunk per locale: a browser downloads only the language it shows.
const loaders = import.meta.glob<Messages>('$messages/*.json', { import: 'default' });

export async function loadMessages(locale: Locale): Promise<Messages> {
	const entry = Object.entries(loaders).find(([path]) => path.endsWith(`/${locale}.json`));
	if (!entry) throw new Error(`No messages for ${locale}`);
	return entry[1]();
}

/**
 * A fresh i18next instance for one request (server) or one page (browser), so that concurrent
 * requests never share a language.
 */
export async function createI18n(locale: string): Promise<i18n> {
	const lng: Locale = isLocale(locale) ? locale : defaultLocale;
	const instance = i18next.createInstance();
	await instance.init({
		lng,
		fallbackLng: false,
		resources: { [lng]: { translation: await loadMessages(lng) } },
		// Svelte escapes what it renders; escaping here as well would double-escape.
		interpolation: { escapeValue: false },
		returnNull: false,
		initAsync: false
	});
	return instance;
}

export type { TFunction };
export { locales, defaultLocale, isLocale, directionOf, type Locale } from './locales';
