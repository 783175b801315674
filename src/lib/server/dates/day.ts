/**
 * The organisation's day. Every "today", every "is this in the future", every late entry and
 * every count of days is a calendar day in the organisation's time zone (Europe/London for
 * England and Wales: GMT in winter, BST in summer), never the server's zone and never UTC. Dates
 * are "YYYY-MM-DD" strings (or "YYYY-MM", "YYYY" for what is known less precisely).
 */

export const organisationTimeZone = 'Europe/London';

const dayMs = 24 * 60 * 60 * 1000;

const calendar = new Intl.DateTimeFormat('en-CA', {
	timeZone: organisationTimeZone,
	year: 'numeric',
	month: '2-digit',
	day: '2-digit'
});

/** The calendar day, in the organisation's time zone, of a moment. */
export function dayOf(at: Date): string {
	if (Number.isNaN(at.getTime())) throw new RangeError('Not a valid time');
	const parts = calendar.formatToParts(at);
	const part = (type: Intl.DateTimeFormatPartTypes) => parts.find((p) => p.type === type)!.value;
	return `${part('year').padStart(4, '0')}-${part('month')}-${part('day')}`;
}

/** Today, in the organisation's time zone. */
export function today(now = new Date()): string {
	return dayOf(now);
}

function utcMidnight(date: string): number {
	const [y, m, d] = date.split('-').map(Number);
	const at = new Date(0);
	at.setUTCFullYear(y!, m! - 1, d!);
	return at.getTime();
}

/** A UTC midnight written as a calendar date (calendar arithmetic only: no time zone involved). */
function calendarDate(ms: number): string {
	const at = new Date(ms);
	const pad = (n: number, width = 2) => String(n).padStart(width, '0');
	return `${pad(at.getUTCFullYear(), 4)}-${pad(at.getUTCMonth() + 1)}-${pad(at.getUTCDate())}`;
}

/** Is this "YYYY-MM-DD" a day that exists (not 30 February)? */
export function isCalendarDate(value: string): boolean {
	return /^\d{4}-\d{2}-\d{2}$/.test(value) && addDays(value, 0) === value;
}

/** Calendar days from `from` to `to`: 0 on the same day, negative when `to` is earlier. */
export function daysBetween(from: string, to: string): number {
	return Math.round((utcMidnight(to) - utcMidnight(from)) / dayMs);
}

/** The day `days` calendar days after `date` (before, when negative). */
export function addDays(date: string, days: number): string {
	return calendarDate(utcMidnight(date) + days * dayMs);
}

/** The last day of a day, a month ("YYYY-MM") or a year ("YYYY"). */
function lastDayOf(date: string): string {
	const [y, m, d] = date.split('-');
	if (d !== undefined) return date;
	if (m !== undefined) return endOfMonth(y!, m);
	return `${y}-12-31`;
}

function endOfMonth(year: string, month: string): string {
	return calendarDate(Date.UTC(Number(year), Number(month), 0));
}

/** Is a day, a month or a year still to come, in the organisation's calendar? */
export function isInFuture(date: string, now: Date): boolean {
	return date > today(now).slice(0, date.length);
}

/**
 * A staff entry written more than 24 hours after the event is a late entry. With only a date (or
 * a month, or a year) known, the event is taken to end with that day (or month, or year): a note
 * written the next day is on time, one written the day after that (in the organisation's
 * calendar) is late.
 */
export function isLate(date: string, recordedAt: Date): boolean {
	return daysBetween(lastDayOf(date), dayOf(recordedAt)) >= 2;
}

/**
 * The day someone born on `birth` (YYYY-MM-DD) turns `years` old. Someone born on 29 February
 * has their birthday on 1 March in a year without one (as English law counts an age).
 */
export function birthday(birth: string, years: number): string {
	const [y, m, d] = birth.split('-').map(Number) as [number, number, number];
	const year = String(y + years).padStart(4, '0');
	const same = `${year}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
	return isCalendarDate(same) ? same : `${year}-03-01`;
}
