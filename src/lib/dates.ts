/**
 * The one date helper: UK time, in the reader's language and digits. Always the Gregorian
 * calendar: Persian and Pashto would otherwise default to the Solar Hijri one, and a child in the
 * UK needs the date that matches their letters, school and review. Formatters are made once.
 */
const timeZone = 'Europe/London';
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(locale: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
	const key = `${locale}|${JSON.stringify(options)}`;
	let made = formatters.get(key);
	if (!made) {
		made = new Intl.DateTimeFormat(locale, { ...options, timeZone, calendar: 'gregory' });
		formatters.set(key, made);
	}
	return made;
}

export function formatDateTime(value: Date | string | number, locale: string): string {
	return formatter(locale, { dateStyle: 'long', timeStyle: 'short' }).format(new Date(value));
}

export function formatDate(value: Date | string | number, locale: string): string {
	return formatter(locale, { dateStyle: 'long' }).format(new Date(value));
}

export function formatTime(value: Date | string | number, locale: string): string {
	return formatter(locale, { timeStyle: 'short' }).format(new Date(value));
}

/** When something happened, as precisely as it is known: a day, a month, a year, or "about". */
export function formatEventDate(
	event: { date: string; precision: string; label: string | null },
	locale: string
): string {
	if (event.precision === 'about' && event.label) return event.label;
	const [y, m, d] = event.date.split('-').map(Number);
	if (d !== undefined) return formatDate(Date.UTC(y!, m! - 1, d), locale);
	if (m !== undefined) {
		return formatter(locale, { month: 'long', year: 'numeric' }).format(Date.UTC(y!, m - 1, 15));
	}
	return formatter(locale, { year: 'numeric' }).format(Date.UTC(y!, 6, 1));
}
