import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
	addDays,
	birthday,
	dayOf,
	daysBetween,
	isCalendarDate,
	isInFuture,
	isLate,
	today
} from './day';

/*
 * The organisation's day is London's, whatever zone the server runs in: the machine's zone is
 * pinned to one far from London for these tests, so any use of local time would show. The clocks
 * go forward on 29 March 2026 (01:00 GMT becomes 02:00 BST) and back on 25 October 2026.
 */
const machineZone = process.env.TZ;
beforeAll(() => {
	process.env.TZ = 'Pacific/Kiritimati'; // UTC+14: a different calendar day from London for 14 hours
});
afterAll(() => {
	process.env.TZ = machineZone;
});

describe("the organisation's day", () => {
	it('in summer, 00:30 in London is already the next day (23:30 UTC the day before)', () => {
		expect(today(new Date('2026-07-14T23:30:00Z'))).toBe('2026-07-15');
		expect(today(new Date('2026-07-14T22:59:59Z'))).toBe('2026-07-14');
		expect(today(new Date('2026-07-14T23:00:00Z'))).toBe('2026-07-15');
	});

	it('in winter, London is UTC: midnight is midnight', () => {
		expect(today(new Date('2026-01-14T23:59:59Z'))).toBe('2026-01-14');
		expect(today(new Date('2026-01-15T00:00:00Z'))).toBe('2026-01-15');
	});

	it('follows the clocks as they change', () => {
		// 29 March 2026: 00:59 GMT is the 29th; 23:00 UTC that evening is 00:00 BST on the 30th.
		expect(dayOf(new Date('2026-03-29T00:59:00Z'))).toBe('2026-03-29');
		expect(dayOf(new Date('2026-03-29T22:59:00Z'))).toBe('2026-03-29');
		expect(dayOf(new Date('2026-03-29T23:00:00Z'))).toBe('2026-03-30');
		// 25 October 2026: 23:00 UTC on the 24th is 00:00 BST on the 25th; that evening is GMT again.
		expect(dayOf(new Date('2026-10-24T22:59:00Z'))).toBe('2026-10-24');
		expect(dayOf(new Date('2026-10-24T23:00:00Z'))).toBe('2026-10-25');
		expect(dayOf(new Date('2026-10-25T23:59:00Z'))).toBe('2026-10-25');
		expect(dayOf(new Date('2026-10-26T00:00:00Z'))).toBe('2026-10-26');
	});

	it('says a date is in the future only when London has not reached it', () => {
		const justAfterMidnightBst = new Date('2026-07-14T23:30:00Z');
		// A child who types today's date between midnight and 1 a.m. in summer is not told it is to come.
		expect(isInFuture('2026-07-15', justAfterMidnightBst)).toBe(false);
		expect(isInFuture('2026-07-16', justAfterMidnightBst)).toBe(true);
		expect(isInFuture('2026-07', justAfterMidnightBst)).toBe(false);
		expect(isInFuture('2026-08', justAfterMidnightBst)).toBe(true);
		expect(isInFuture('2026', justAfterMidnightBst)).toBe(false);
		expect(isInFuture('2027', justAfterMidnightBst)).toBe(true);
		expect(isInFuture('2026-12-31', new Date('2026-12-31T23:59:00Z'))).toBe(false);
		expect(isInFuture('2027-01-01', new Date('2026-12-31T23:59:00Z'))).toBe(true);
	});

	it('marks a staff entry late from the second calendar day after the event, in London', () => {
		// On time the next day, even at 00:30 BST the day after (which is still "tomorrow" in UTC).
		expect(isLate('2026-07-13', new Date('2026-07-14T22:30:00Z'))).toBe(false);
		expect(isLate('2026-07-13', new Date('2026-07-14T23:30:00Z'))).toBe(true);
		expect(isLate('2026-01-13', new Date('2026-01-14T23:59:00Z'))).toBe(false);
		expect(isLate('2026-01-13', new Date('2026-01-15T00:00:00Z'))).toBe(true);
		// A month or a year ends with its last day.
		expect(isLate('2026-02', new Date('2026-03-01T12:00:00Z'))).toBe(false);
		expect(isLate('2026-02', new Date('2026-03-02T12:00:00Z'))).toBe(true);
		expect(isLate('2025', new Date('2026-01-01T12:00:00Z'))).toBe(false);
		expect(isLate('2025', new Date('2026-01-02T12:00:00Z'))).toBe(true);
		expect(isLate('2016', new Date('2026-11-21T12:00:00Z'))).toBe(true);
		expect(isLate('2024-03-01', new Date('2024-03-02T23:59:00Z'))).toBe(false);
		expect(isLate('2024-03-01', new Date('2024-03-03T00:00:01Z'))).toBe(true);
	});

	it('counts calendar days, whatever the clocks do', () => {
		expect(daysBetween('2026-03-28', '2026-03-30')).toBe(2);
		expect(daysBetween('2026-10-24', '2026-10-26')).toBe(2);
		expect(daysBetween('2026-07-15', '2026-07-14')).toBe(-1);
		expect(daysBetween('2024-02-28', '2024-03-01')).toBe(2);
		expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
		expect(addDays('2024-03-01', -1)).toBe('2024-02-29');
		expect(isCalendarDate('2024-02-29')).toBe(true);
		for (const bad of ['2023-02-29', '2024-13-01', '2024-04-31', '24-01-01', '2024-1-1', ''])
			expect(isCalendarDate(bad), bad).toBe(false);
	});
});

describe('birthdays', () => {
	it('is the same day and month, so many years on', () => {
		expect(birthday('2011-07-14', 75)).toBe('2086-07-14');
		expect(birthday('2011-12-31', 18)).toBe('2029-12-31');
	});

	it('falls on 1 March for someone born on 29 February, in a year without one', () => {
		expect(birthday('2012-02-29', 75)).toBe('2087-03-01');
		expect(birthday('2012-02-29', 76)).toBe('2088-02-29');
	});
});
