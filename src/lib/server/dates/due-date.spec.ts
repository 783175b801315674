import { describe, expect, it } from 'vitest';
import {
	addCalendarMonths,
	daysLeft,
	dueDate,
	englishBankHolidays,
	isWorkingDay,
	nextWorkingDay,
	receivedOnFor
} from './due-date';

/*
 * Every expected date below was worked out by hand from a calendar (weekdays checked with
 * `date -d`, Easter Sundays with an independent computus), and the bank holiday lists are the
 * ones gov.uk publishes for England and Wales, not output of the code under test.
 */

describe('englishBankHolidays', () => {
	const published: Record<number, string[]> = {
		2019: [
			'2019-01-01',
			'2019-04-19',
			'2019-04-22',
			'2019-05-06',
			'2019-05-27',
			'2019-08-26',
			'2019-12-25',
			'2019-12-26'
		],
		// Early May moved to Friday 8 May (VE Day 75); Boxing Day on Saturday → Monday 28.
		2020: [
			'2020-01-01',
			'2020-04-10',
			'2020-04-13',
			'2020-05-08',
			'2020-05-25',
			'2020-08-31',
			'2020-12-25',
			'2020-12-28'
		],
		// Christmas on Saturday → Monday 27 and Tuesday 28.
		2021: [
			'2021-01-01',
			'2021-04-02',
			'2021-04-05',
			'2021-05-03',
			'2021-05-31',
			'2021-08-30',
			'2021-12-27',
			'2021-12-28'
		],
		// New Year on Saturday → Monday 3; spring moved to 2 June, jubilee 3 June; state funeral;
		// Christmas on Sunday → Boxing Day Monday 26, Christmas substitute Tuesday 27.
		2022: [
			'2022-01-03',
			'2022-04-15',
			'2022-04-18',
			'2022-05-02',
			'2022-06-02',
			'2022-06-03',
			'2022-08-29',
			'2022-09-19',
			'2022-12-26',
			'2022-12-27'
		],
		// New Year on Sunday → Monday 2; coronation.
		2023: [
			'2023-01-02',
			'2023-04-07',
			'2023-04-10',
			'2023-05-01',
			'2023-05-08',
			'2023-05-29',
			'2023-08-28',
			'2023-12-25',
			'2023-12-26'
		],
		// Easter in March.
		2024: [
			'2024-01-01',
			'2024-03-29',
			'2024-04-01',
			'2024-05-06',
			'2024-05-27',
			'2024-08-26',
			'2024-12-25',
			'2024-12-26'
		],
		2025: [
			'2025-01-01',
			'2025-04-18',
			'2025-04-21',
			'2025-05-05',
			'2025-05-26',
			'2025-08-25',
			'2025-12-25',
			'2025-12-26'
		],
		// Boxing Day on Saturday → Monday 28.
		2026: [
			'2026-01-01',
			'2026-04-03',
			'2026-04-06',
			'2026-05-04',
			'2026-05-25',
			'2026-08-31',
			'2026-12-25',
			'2026-12-28'
		],
		// Christmas on Saturday → Monday 27 and Tuesday 28.
		2027: [
			'2027-01-01',
			'2027-03-26',
			'2027-03-29',
			'2027-05-03',
			'2027-05-31',
			'2027-08-30',
			'2027-12-27',
			'2027-12-28'
		]
	};

	for (const [year, days] of Object.entries(published)) {
		it(`matches the published list for ${year}`, () => {
			expect(englishBankHolidays(Number(year))).toEqual(days);
		});
	}

	it('places Good Friday and Easter Monday around Easter Sunday, early and late', () => {
		// Easter Sunday 23 March 2008, 24 April 2011, 25 April 2038, 22 March 2285.
		expect(englishBankHolidays(2008)).toEqual(expect.arrayContaining(['2008-03-21', '2008-03-24']));
		expect(englishBankHolidays(2011)).toEqual(expect.arrayContaining(['2011-04-22', '2011-04-25']));
		expect(englishBankHolidays(2038)).toEqual(expect.arrayContaining(['2038-04-23', '2038-04-26']));
		expect(englishBankHolidays(2285)).toEqual(expect.arrayContaining(['2285-03-20', '2285-03-23']));
	});

	it('has the one-off days and the moved spring holidays of 2002, 2011 and 2012', () => {
		expect(englishBankHolidays(2011)).toContain('2011-04-29');
		expect(englishBankHolidays(2012)).toEqual(expect.arrayContaining(['2012-06-04', '2012-06-05']));
		expect(englishBankHolidays(2012)).not.toContain('2012-05-28');
		expect(englishBankHolidays(2002)).toEqual(expect.arrayContaining(['2002-06-03', '2002-06-04']));
		expect(englishBankHolidays(2002)).not.toContain('2002-05-27');
		expect(englishBankHolidays(1995)).toContain('1995-05-08');
		expect(englishBankHolidays(1995)).not.toContain('1995-05-01');
	});

	it('follows the standing rules in a year with no special days', () => {
		// 2032: New Year Thursday, Easter 28 March, Christmas Saturday.
		expect(englishBankHolidays(2032)).toEqual([
			'2032-01-01',
			'2032-03-26',
			'2032-03-29',
			'2032-05-03',
			'2032-05-31',
			'2032-08-30',
			'2032-12-27',
			'2032-12-28'
		]);
	});

	it('rejects a year that is not a whole number', () => {
		expect(() => englishBankHolidays(2025.5)).toThrow(RangeError);
	});
});

describe('isWorkingDay and nextWorkingDay', () => {
	it('knows weekdays, weekends and bank holidays', () => {
		expect(isWorkingDay('2025-10-03')).toBe(true); // Friday
		expect(isWorkingDay('2025-10-04')).toBe(false); // Saturday
		expect(isWorkingDay('2025-10-05')).toBe(false); // Sunday
		expect(isWorkingDay('2025-12-24')).toBe(true);
		expect(isWorkingDay('2025-12-25')).toBe(false);
		expect(isWorkingDay('2025-12-26')).toBe(false);
		expect(isWorkingDay('2025-05-26')).toBe(false);
	});

	it('returns a working day itself, otherwise the next one', () => {
		expect(nextWorkingDay('2025-10-06')).toBe('2025-10-06');
		expect(nextWorkingDay('2025-10-04')).toBe('2025-10-06');
		expect(nextWorkingDay('2025-12-25')).toBe('2025-12-29');
		// Over the year end: Saturday 31 December, Sunday 1 January, Monday 2 January (holiday).
		expect(nextWorkingDay('2022-12-31')).toBe('2023-01-03');
	});

	it('rejects what is not a calendar date', () => {
		expect(() => isWorkingDay('2025-02-29')).toThrow(RangeError);
		expect(() => nextWorkingDay('2025-1-5')).toThrow(RangeError);
		expect(() => nextWorkingDay('2025-13-01')).toThrow(RangeError);
	});
});

describe('addCalendarMonths', () => {
	it('keeps the day of the month when the target month has it', () => {
		expect(addCalendarMonths('2025-09-03', 1)).toBe('2025-10-03');
		expect(addCalendarMonths('2025-02-28', 1)).toBe('2025-03-28');
		expect(addCalendarMonths('2025-11-15', 3)).toBe('2026-02-15');
	});

	it('takes the last day of the target month when it is shorter', () => {
		expect(addCalendarMonths('2025-01-31', 1)).toBe('2025-02-28');
		expect(addCalendarMonths('2024-01-31', 1)).toBe('2024-02-29');
		expect(addCalendarMonths('2025-01-30', 1)).toBe('2025-02-28');
		expect(addCalendarMonths('2025-03-31', 1)).toBe('2025-04-30');
		expect(addCalendarMonths('2025-12-31', 2)).toBe('2026-02-28');
		expect(addCalendarMonths('2024-02-29', 12)).toBe('2025-02-28');
	});

	it('counts backwards too', () => {
		expect(addCalendarMonths('2025-08-31', -6)).toBe('2025-02-28');
		expect(addCalendarMonths('2025-01-15', -1)).toBe('2024-12-15');
	});

	it('rejects a fraction of a month', () => {
		expect(() => addCalendarMonths('2025-01-15', 1.5)).toThrow(RangeError);
	});
});

describe('dueDate', () => {
	it("gives the ICO's examples", () => {
		expect(dueDate('2025-09-03')).toBe('2025-10-03'); // Friday
		expect(dueDate('2025-03-31')).toBe('2025-04-30'); // no 31 April; Wednesday
	});

	it('ends a month on its last day when the next month is shorter', () => {
		expect(dueDate('2025-01-31')).toBe('2025-02-28'); // Friday
		expect(dueDate('2024-01-31')).toBe('2024-02-29'); // leap year, Thursday
		expect(dueDate('2025-01-30')).toBe('2025-02-28');
		expect(dueDate('2024-01-30')).toBe('2024-02-29');
		expect(dueDate('2025-02-28')).toBe('2025-03-28'); // Friday, not the end of March
	});

	it('counts from the day of receipt even when that is not a working day', () => {
		expect(dueDate('2025-10-04')).toBe('2025-11-04'); // received Saturday, due Tuesday
	});

	it('moves a due date on a weekend to the Monday', () => {
		expect(dueDate('2025-09-04')).toBe('2025-10-06'); // 4 October 2025 is a Saturday
		expect(dueDate('2025-10-30')).toBe('2025-12-01'); // 30 November 2025 is a Sunday
		expect(dueDate('2025-10-31')).toBe('2025-12-01'); // no 31 November; 30th is a Sunday
	});

	it('moves a due date on a bank holiday to the next working day', () => {
		expect(dueDate('2026-04-25')).toBe('2026-05-26'); // 25 May 2026, spring bank holiday
		expect(dueDate('2025-07-25')).toBe('2025-08-26'); // 25 August 2025, summer bank holiday
		// 25 and 26 December 2025 are holidays, 27 and 28 a weekend.
		expect(dueDate('2025-11-25')).toBe('2025-12-29');
		// 1 January 2022 is a Saturday and Monday 3 January its substitute.
		expect(dueDate('2021-12-01')).toBe('2022-01-04');
	});

	it('skips substitute Christmas and Boxing Days', () => {
		expect(dueDate('2021-11-27')).toBe('2021-12-29'); // Christmas Saturday: 27, 28 off
		expect(dueDate('2027-11-27')).toBe('2027-12-29'); // the same in 2027
		expect(dueDate('2022-11-25')).toBe('2022-12-28'); // Christmas Sunday: 26, 27 off
		expect(dueDate('2020-11-28')).toBe('2020-12-29'); // Boxing Day Saturday: 28 off
		expect(dueDate('2026-11-28')).toBe('2026-12-29'); // the same in 2026
	});

	it('follows Easter as it moves', () => {
		// Good Friday 29 March 2024, Easter Monday 1 April.
		expect(dueDate('2024-02-29')).toBe('2024-04-02');
		expect(dueDate('2024-03-18')).toBe('2024-04-18'); // an ordinary Thursday in 2024
		// Good Friday 18 April 2025, Easter Monday 21 April.
		expect(dueDate('2025-03-18')).toBe('2025-04-22');
		expect(dueDate('2024-03-01')).toBe('2024-04-02'); // Easter Monday 2024
	});

	it('follows the 2020 move of the early May bank holiday', () => {
		expect(dueDate('2020-04-08')).toBe('2020-05-11'); // Friday 8 May 2020 was the holiday
		expect(dueDate('2020-04-04')).toBe('2020-05-04'); // so Monday 4 May was a working day
	});

	it('skips the one-off bank holidays', () => {
		// Royal wedding Friday 29 April 2011, then the early May holiday Monday 2 May.
		expect(dueDate('2011-03-29')).toBe('2011-05-03');
		// Spring holiday moved to Monday 4 June 2012, Diamond Jubilee Tuesday 5 June.
		expect(dueDate('2012-05-04')).toBe('2012-06-06');
		expect(dueDate('2012-05-05')).toBe('2012-06-06');
		expect(dueDate('2012-04-28')).toBe('2012-05-28'); // last Monday of May 2012, not a holiday
		// Platinum Jubilee Friday 3 June 2022; Monday 30 May 2022 was a working day.
		expect(dueDate('2022-05-03')).toBe('2022-06-06');
		expect(dueDate('2022-04-30')).toBe('2022-05-30');
		// State funeral Monday 19 September 2022; coronation Monday 8 May 2023.
		expect(dueDate('2022-08-19')).toBe('2022-09-20');
		expect(dueDate('2023-04-08')).toBe('2023-05-09');
	});

	it('adds an extension of up to two months, counted from receipt', () => {
		expect(dueDate('2025-01-31', { extendedMonths: 2 })).toBe('2025-04-30'); // Wednesday
		expect(dueDate('2025-01-31', { extendedMonths: 1 })).toBe('2025-03-31'); // Monday
		expect(dueDate('2025-01-31', { extendedMonths: 0 })).toBe('2025-02-28');
		// Three months after 25 September 2025 is Christmas Day: due Monday 29 December.
		expect(dueDate('2025-09-25', { extendedMonths: 2 })).toBe('2025-12-29');
	});

	it('rejects an extension other than 0, 1 or 2 months', () => {
		expect(() => dueDate('2025-01-31', { extendedMonths: 3 as 2 })).toThrow(RangeError);
	});
});

describe('daysLeft', () => {
	it('counts calendar days to the due date', () => {
		expect(daysLeft('2025-02-28', '2025-01-31')).toBe(28);
		expect(daysLeft('2024-03-01', '2024-02-28')).toBe(2); // leap day
		expect(daysLeft('2025-03-31', '2025-03-29')).toBe(2); // across the clocks going forward
		expect(daysLeft('2026-01-02', '2025-12-30')).toBe(3);
	});

	it('is 0 on the due date and negative when overdue', () => {
		expect(daysLeft('2025-02-28', '2025-02-28')).toBe(0);
		expect(daysLeft('2025-02-28', '2025-03-03')).toBe(-3);
	});
});

describe('receivedOnFor', () => {
	it('takes the calendar day in London', () => {
		expect(receivedOnFor(new Date('2025-01-15T23:30:00Z'))).toBe('2025-01-15'); // GMT
		expect(receivedOnFor(new Date('2025-06-01T23:30:00Z'))).toBe('2025-06-02'); // BST
		expect(receivedOnFor(new Date('2025-12-31T23:59:00Z'))).toBe('2025-12-31');
	});

	it('changes over with the clocks in March', () => {
		// BST begins at 01:00 UTC on Sunday 30 March 2025.
		expect(receivedOnFor(new Date('2025-03-29T23:30:00Z'))).toBe('2025-03-29');
		expect(receivedOnFor(new Date('2025-03-30T00:59:59Z'))).toBe('2025-03-30');
		expect(receivedOnFor(new Date('2025-03-30T23:30:00Z'))).toBe('2025-03-31');
	});

	it('changes over with the clocks in October', () => {
		// BST ends at 01:00 UTC on Sunday 26 October 2025.
		expect(receivedOnFor(new Date('2025-10-25T22:59:59Z'))).toBe('2025-10-25');
		expect(receivedOnFor(new Date('2025-10-25T23:00:00Z'))).toBe('2025-10-26');
		expect(receivedOnFor(new Date('2025-10-26T23:30:00Z'))).toBe('2025-10-26');
	});

	it('gives the due date of a request sent late on a summer evening', () => {
		// 23:30 UTC on 30 June 2025 is 00:30 on 1 July in London: due Friday 1 August.
		expect(dueDate(receivedOnFor(new Date('2025-06-30T23:30:00Z')))).toBe('2025-08-01');
	});

	it('rejects an invalid time', () => {
		expect(() => receivedOnFor(new Date('nonsense'))).toThrow(RangeError);
	});
});
