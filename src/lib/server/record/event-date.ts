import type { Precision } from '../db/schema';

const day = 24 * 60 * 60 * 1000;

/** "2024-03-14", "2024-03" or "2024": a real date, with the precision its form gives it. */
export function parseEventDate(input: string): { date: string; precision: Precision } | null {
	const match = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(input.trim());
	if (!match) return null;
	const [, y, m, d] = match;
	const year = Number(y);
	if (year < 1900) return null;
	if (m === undefined) return { date: y!, precision: 'year' };
	const month = Number(m);
	if (month < 1 || month > 12) return null;
	if (d === undefined) return { date: `${y}-${m}`, precision: 'month' };
	const date = new Date(Date.UTC(year, month - 1, Number(d)));
	if (date.getUTCMonth() !== month - 1) return null;
	return { date: `${y}-${m}-${d}`, precision: 'day' };
}

/** Earliest first: a year sorts before its months, a month before its days. */
export function eventSortKey(date: string): string {
	const [y, m = '00', d = '00'] = date.split('-');
	return `${y}-${m}-${d}`;
}

function bounds(date: string): { start: number; end: number } {
	const [y, m, d] = date.split('-').map(Number);
	if (m === undefined) return { start: Date.UTC(y!, 0, 1), end: Date.UTC(y! + 1, 0, 1) };
	if (d === undefined) return { start: Date.UTC(y!, m - 1, 1), end: Date.UTC(y!, m, 1) };
	const start = Date.UTC(y!, m - 1, d);
	return { start, end: start + day };
}

export function isInFuture(date: string, now: Date): boolean {
	return bounds(date).start > now.getTime();
}

/**
 * A staff entry written more than 24 hours after the event is a late entry. With only a date
 * (or a month, or a year) known, the event is taken to end with that day (or month, or year), so
 * a note written the next day is on time and one written the day after that is late.
 */
export function isLate(date: string, recordedAt: Date): boolean {
	return recordedAt.getTime() > bounds(date).end + day;
}
