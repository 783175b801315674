import { dayOf, daysBetween } from './day';

/**
 * When a reply to a request under UK GDPR (for example a request for rectification) is due, as
 * the ICO explains the time limit: one calendar month starting from the day of receipt, whether
 * or not that is a working day. The due date is the corresponding calendar date in the next
 * month; when that month has no such date (receipt on 31 January), the last day of that month;
 * and when the due date is a weekend day or a public holiday, the next working day. An extension
 * of up to two further months (complex or numerous requests) is the same rule counted with
 * three months instead of one, from the day of receipt.
 *
 * Public holidays here are the bank holidays of England and Wales. Dates are calendar dates,
 * "YYYY-MM-DD" strings, with no time of day and no time zone: the arithmetic is done in UTC,
 * where every day has 24 hours.
 */

const dayMs = 24 * 60 * 60 * 1000;

interface Ymd {
	year: number;
	/** 1 to 12 */
	month: number;
	day: number;
}

/** Milliseconds at UTC midnight; months overflow as Date.UTC does, years below 100 are kept. */
function utc(year: number, month: number, day: number): number {
	const date = new Date(0);
	date.setUTCFullYear(year, month - 1, day);
	return date.getTime();
}

function fromUtc(ms: number): Ymd {
	const date = new Date(ms);
	return { year: date.getUTCFullYear(), month: date.getUTCMonth() + 1, day: date.getUTCDate() };
}

function format({ year, month, day }: Ymd): string {
	return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

function daysInMonth(year: number, month: number): number {
	return fromUtc(utc(year, month + 1, 0)).day;
}

/** 0 Sunday to 6 Saturday */
function weekday(year: number, month: number, day: number): number {
	return new Date(utc(year, month, day)).getUTCDay();
}

/** A real calendar date written "YYYY-MM-DD", or a RangeError. */
function parse(date: string): Ymd {
	const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
	if (match) {
		const year = Number(match[1]);
		const month = Number(match[2]);
		const day = Number(match[3]);
		if (month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month)) {
			return { year, month, day };
		}
	}
	throw new RangeError(`Not a calendar date (YYYY-MM-DD): ${JSON.stringify(date)}`);
}

function addDays(date: Ymd, days: number): Ymd {
	return fromUtc(utc(date.year, date.month, date.day) + days * dayMs);
}

/** Easter Sunday by the anonymous Gregorian computus (Meeus/Jones/Butcher). */
function easterSunday(year: number): Ymd {
	const a = year % 19;
	const b = Math.floor(year / 100);
	const c = year % 100;
	const d = Math.floor(b / 4);
	const e = b % 4;
	const f = Math.floor((b + 8) / 25);
	const g = Math.floor((b - f + 1) / 3);
	const h = (19 * a + b - d - g + 15) % 30;
	const i = Math.floor(c / 4);
	const k = c % 4;
	const l = (32 + 2 * e + 2 * i - h - k) % 7;
	const m = Math.floor((a + 11 * h + 22 * l) / 451);
	const month = Math.floor((h + l - 7 * m + 114) / 31);
	const day = ((h + l - 7 * m + 114) % 31) + 1;
	return { year, month, day };
}

function firstMonday(year: number, month: number): Ymd {
	const offset = (8 - weekday(year, month, 1)) % 7;
	return { year, month, day: 1 + offset };
}

function lastMonday(year: number, month: number): Ymd {
	const last = daysInMonth(year, month);
	const offset = (weekday(year, month, last) + 6) % 7;
	return { year, month, day: last - offset };
}

/** Bank holidays moved by proclamation from their usual day. */
const movedEarlyMay: Record<number, string> = {
	1995: '1995-05-08', // 50th anniversary of VE Day
	2020: '2020-05-08' // 75th anniversary of VE Day
};
const movedSpring: Record<number, string> = {
	2002: '2002-06-04', // Golden Jubilee
	2012: '2012-06-04', // Diamond Jubilee
	2022: '2022-06-02' // Platinum Jubilee
};

/** Extra bank holidays, granted once by proclamation. */
const oneOffs: readonly string[] = [
	'1981-07-29', // wedding of the Prince of Wales
	'1999-12-31', // millennium
	'2002-06-03', // Golden Jubilee
	'2011-04-29', // wedding of Prince William
	'2012-06-05', // Diamond Jubilee
	'2022-06-03', // Platinum Jubilee
	'2022-09-19', // state funeral of Queen Elizabeth II
	'2023-05-08' // coronation of King Charles III
];

/**
 * The bank holidays of England and Wales in a year, earliest first, from the standing rules
 * (Banking and Financial Dealings Act 1971 and the usual proclamations) and the known one-off
 * days. The early May bank holiday exists from 1978; years before that are not modelled
 * exactly. One-off days proclaimed in future need adding to the list above.
 */
export function englishBankHolidays(year: number): string[] {
	if (!Number.isInteger(year) || year < 1 || year > 9999) {
		throw new RangeError(`Not a year: ${year}`);
	}
	const days: string[] = [];

	// New Year's Day, or the Monday after it when it falls on a weekend.
	const newYear = weekday(year, 1, 1);
	days.push(format({ year, month: 1, day: newYear === 6 ? 3 : newYear === 0 ? 2 : 1 }));

	const easter = easterSunday(year);
	days.push(format(addDays(easter, -2))); // Good Friday
	days.push(format(addDays(easter, 1))); // Easter Monday

	if (year >= 1978) days.push(movedEarlyMay[year] ?? format(firstMonday(year, 5)));
	days.push(movedSpring[year] ?? format(lastMonday(year, 5)));
	days.push(format(lastMonday(year, 8)));

	// Christmas Day and Boxing Day; a day falling on a weekend has a substitute on the next
	// weekday that is not already a holiday.
	const christmas = weekday(year, 12, 25);
	const christmasDays =
		christmas === 6 // Saturday: Monday 27 and Tuesday 28
			? [27, 28]
			: christmas === 0 // Sunday: Boxing Day Monday 26, Christmas substitute Tuesday 27
				? [26, 27]
				: christmas === 5 // Friday: Boxing Day Saturday, substitute Monday 28
					? [25, 28]
					: [25, 26];
	for (const day of christmasDays) days.push(format({ year, month: 12, day }));

	for (const day of oneOffs)
		if (day.startsWith(`${String(year).padStart(4, '0')}-`)) days.push(day);

	return [...new Set(days)].sort();
}

const holidayCache = new Map<number, ReadonlySet<string>>();

function holidaySet(year: number): ReadonlySet<string> {
	let set = holidayCache.get(year);
	if (!set) {
		set = new Set(englishBankHolidays(year));
		holidayCache.set(year, set);
	}
	return set;
}

/** Monday to Friday and not an English bank holiday. */
export function isWorkingDay(date: string): boolean {
	const { year, month, day } = parse(date);
	const dow = weekday(year, month, day);
	if (dow === 0 || dow === 6) return false;
	return !holidaySet(year).has(format({ year, month, day }));
}

/** The date itself when it is a working day, otherwise the first working day after it. */
export function nextWorkingDay(date: string): string {
	let current = parse(date);
	while (!isWorkingDay(format(current))) current = addDays(current, 1);
	return format(current);
}

/**
 * The corresponding date `months` calendar months later (earlier when negative), or the last
 * day of the target month when it has no such date: 31 January + 1 month is 28 (or 29) February.
 */
export function addCalendarMonths(date: string, months: number): string {
	if (!Number.isInteger(months)) throw new RangeError(`Not a whole number of months: ${months}`);
	const { year, month, day } = parse(date);
	const index = year * 12 + (month - 1) + months;
	const targetYear = Math.floor(index / 12);
	const targetMonth = (index % 12) + 1;
	return format({
		year: targetYear,
		month: targetMonth,
		day: Math.min(day, daysInMonth(targetYear, targetMonth))
	});
}

export interface DueDateOptions {
	/** The extension for complex or numerous requests: up to two further months. */
	extendedMonths?: 0 | 1 | 2;
}

/** The day a reply is due for a request received on `receivedOn` (see the top of this file). */
export function dueDate(receivedOn: string, options: DueDateOptions = {}): string {
	const extendedMonths = options.extendedMonths ?? 0;
	if (extendedMonths !== 0 && extendedMonths !== 1 && extendedMonths !== 2) {
		throw new RangeError(`An extension is 0, 1 or 2 months, not ${String(extendedMonths)}`);
	}
	return nextWorkingDay(addCalendarMonths(receivedOn, 1 + extendedMonths));
}

/** Calendar days from `today` to `due`: 0 on the due date, negative once it has passed. */
export function daysLeft(due: string, today: string): number {
	parse(due);
	parse(today);
	return daysBetween(today, due);
}

/** The calendar day in the UK (Europe/London, so BST in summer) of a request received at `at`. */
export const receivedOnFor = dayOf;
