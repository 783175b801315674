const names = new Map<string, string>();

/** "Arabic" in the reader's own language ("العربية" on an Arabic page), for read-aloud's notes. */
export function languageName(lang: string, inLocale: string): string {
	const key = `${lang}|${inLocale}`;
	let name = names.get(key);
	if (name === undefined) {
		try {
			name = new Intl.DisplayNames([inLocale], { type: 'language' }).of(lang) ?? lang;
		} catch {
			name = lang;
		}
		names.set(key, name);
	}
	return name;
}
