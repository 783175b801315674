/** Every language Waymark speaks. A right-to-left language needs only its file and a row here. */
export const locales = [
	{ code: 'en-GB', name: 'English', dir: 'ltr' },
	{ code: 'cy', name: 'Cymraeg', dir: 'ltr' },
	{ code: 'ar', name: 'العربية', dir: 'rtl' },
	{ code: 'fa', name: 'فارسی / دری', dir: 'rtl' },
	{ code: 'ps', name: 'پښتو', dir: 'rtl' },
	{ code: 'ckb', name: 'کوردیی ناوەندی', dir: 'rtl' },
	{ code: 'ti', name: 'ትግርኛ', dir: 'ltr' },
	{ code: 'vi', name: 'Tiếng Việt', dir: 'ltr' },
	{ code: 'sq', name: 'Shqip', dir: 'ltr' },
	{ code: 'pl', name: 'Polski', dir: 'ltr' },
	{ code: 'ro', name: 'Română', dir: 'ltr' },
	{ code: 'uk', name: 'Українська', dir: 'ltr' }
] as const satisfies readonly { code: string; name: string; dir: 'ltr' | 'rtl' }[];

export type Locale = (typeof locales)[number]['code'];
export const defaultLocale: Locale = 'en-GB';

export function isLocale(value: unknown): value is Locale {
	return locales.some((l) => l.code === value);
}

export function directionOf(locale: Locale): 'ltr' | 'rtl' {
	return locales.find((l) => l.code === locale)?.dir ?? 'ltr';
}

/** The best supported locale for an Accept-Language header. */
export function matchAcceptLanguage(header: string | null): Locale | null {
	if (!header) return null;
	const wanted = header
		.split(',')
		.map((part) => {
			const [tag = '', ...params] = part.trim().split(';');
			const q = params.find((p) => p.trim().startsWith('q='));
			return { tag: tag.toLowerCase(), q: q ? Number(q.trim().slice(2)) || 0 : 1 };
		})
		.filter((w) => w.tag && w.q > 0)
		.sort((a, b) => b.q - a.q);
	for (const { tag } of wanted) {
		const exact = locales.find((l) => l.code.toLowerCase() === tag);
		if (exact) return exact.code;
		const base = locales.find((l) => l.code.toLowerCase().split('-')[0] === tag.split('-')[0]);
		if (base) return base.code;
	}
	return null;
}

const namesIn = new Map<string, string>();

/** A language's name in the reader's language ("العربية" for "ar" on an Arabic page), made once. */
export function languageNameIn(lang: string, inLocale: string): string {
	const key = `${lang}|${inLocale}`;
	let name = namesIn.get(key);
	if (name === undefined) {
		try {
			name = new Intl.DisplayNames([inLocale], { type: 'language' }).of(lang) ?? lang;
		} catch {
			name = lang;
		}
		namesIn.set(key, name);
	}
	return name;
}
