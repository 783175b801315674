/** The one date helper: UK time, in the reader's language. */
const timeZone = 'Europe/London';

export function formatDateTime(value: Date | string | number, locale: string): string {
	return new Intl.DateTimeFormat(locale, {
		dateStyle: 'long',
		timeStyle: 'short',
		timeZone
	}).format(new Date(value));
}

export function formatDate(value: Date | string | number, locale: string): string {
	return new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeZone }).format(new Date(value));
}

export function formatTime(value: Date | string | number, locale: string): string {
	return new Intl.DateTimeFormat(locale, { timeStyle: 'short', timeZone }).format(new Date(value));
}
