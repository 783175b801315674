import i18next, { type i18n, type TFunction } from 'i18next';
import { defaultLocale, directionOf, isLocale, type Locale } from './locales';
import { isolateIn } from './bidi';

type Messages = Record<string, unknown>;

// One chunk per locale: a browser downloads only the language it shows.
const loaders = import.meta.glob<Messages>('$messages/*.json', { import: 'default' });
// Easy-read wording of the child's strings, where a language has it (messages/easy/<locale>.json).
const easyLoaders = import.meta.glob<Messages>('$messages/easy/*.json', { import: 'default' });

function find(from: Record<string, () => Promise<Messages>>, locale: Locale) {
	return Object.entries(from).find(([path]) => path.endsWith(`/${locale}.json`))?.[1];
}

export async function loadMessages(locale: Locale): Promise<Messages> {
	const load = find(loaders, locale);
	if (!load) throw new Error(`No messages for ${locale}`);
	return load();
}

export function hasEasyRead(locale: Locale): boolean {
	return find(easyLoaders, locale) !== undefined;
}

const made = new Map<string, Promise<i18n>>();

/**
 * The i18next instance for a language (and for easy read in it). Each is made once and never
 * changed afterwards (nothing calls `changeLanguage` or adds resources), so concurrent requests
 * in different languages each hold their own instance and never mix. In easy read, each key is
 * looked up in the easy-read wording first and falls back to the usual one.
 */
export function createI18n(locale: string, options: { easyRead?: boolean } = {}): Promise<i18n> {
	const lng: Locale = isLocale(locale) ? locale : defaultLocale;
	const key = `${lng}|${options.easyRead && hasEasyRead(lng) ? 'easy' : ''}`;
	let instance = made.get(key);
	if (!instance) {
		instance = makeI18n(lng, options);
		made.set(key, instance);
	}
	return instance;
}

async function makeI18n(lng: Locale, options: { easyRead?: boolean }): Promise<i18n> {
	const numbers = new Intl.NumberFormat(lng);
	const isolated = isolateIn(directionOf(lng));
	const loadEasy = options.easyRead ? find(easyLoaders, lng) : undefined;
	const resources: Record<string, Messages> = { translation: await loadMessages(lng) };
	if (loadEasy) resources.easy = await loadEasy();
	const instance = i18next.createInstance();
	// i18next's formatter module: every number in a message in the reader's digits ("۱۲" in
	// Persian, "1 234" in Polish); every word in its own direction (a name, a title, what someone
	// wrote: see ./bidi.ts).
	instance.use({
		type: 'formatter',
		init() {},
		add() {},
		addCached() {},
		format: (value: unknown) =>
			typeof value === 'number' ? numbers.format(value) : isolated(value)
	});
	await instance.init({
		lng,
		fallbackLng: false,
		resources: { [lng]: resources },
		ns: Object.keys(resources),
		defaultNS: loadEasy ? 'easy' : 'translation',
		fallbackNS: loadEasy ? 'translation' : false,
		interpolation: {
			// Svelte escapes what it renders; escaping here as well would double-escape.
			escapeValue: false,
			// Every value goes through the formatter below, without a format named in the message.
			alwaysFormat: true
		},
		returnNull: false,
		initAsync: false
	});
	return instance;
}

export type { TFunction };
export { locales, defaultLocale, isLocale, directionOf, type Locale } from './locales';
