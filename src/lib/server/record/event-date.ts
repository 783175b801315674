import type { Precision } from '../db/schema';

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
