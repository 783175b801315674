/** "Arabic" in the reader's own language ("العربية" on an Arabic page), for read-aloud's notes. */
export function languageName(lang: string, inLocale: string): string {
	try {
		return new Intl.DisplayNames([inLocale], { type: 'language' }).of(lang) ?? lang;
	} catch {
		return lang;
	}
}
