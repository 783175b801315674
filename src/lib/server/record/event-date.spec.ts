import { describe, expect, it } from 'vitest';
import { eventSortKey, isInFuture, isLate, parseEventDate } from './event-date';

describe('event dates', () => {
	it('reads a day, a month or a year, and refuses dates that do not exist', () => {
		expect(parseEventDate('2024-03-14')).toEqual({ date: '2024-03-14', precision: 'day' });
		expect(parseEventDate(' 2016-07 ')).toEqual({ date: '2016-07', precision: 'month' });
		expect(parseEventDate('2013')).toEqual({ date: '2013', precision: 'year' });
		for (const bad of ['2023-02-29', '2024-13', '14/03/2024', 'summer', '1850', '']) {
			expect(parseEventDate(bad), bad).toBeNull();
		}
		expect(parseEventDate('2024-02-29')?.precision).toBe('day');
	});

	it('sorts earliest first, a year before its months and a month before its days', () => {
		const keys = ['2016-07-02', '2016', '2016-07', '2015-12-31'].map(eventSortKey).sort();
		expect(keys).toEqual(['2015-12-31', '2016-00-00', '2016-07-00', '2016-07-02']);
	});

	it('marks a staff entry late when written more than 24 hours after the event', () => {
		expect(isLate('2024-03-01', new Date('2024-03-01T18:00:00Z'))).toBe(false);
		expect(isLate('2024-03-01', new Date('2024-03-02T23:59:00Z'))).toBe(false);
		expect(isLate('2024-03-01', new Date('2024-03-03T00:00:01Z'))).toBe(true);
		expect(isLate('2024-03', new Date('2024-04-01T12:00:00Z'))).toBe(false);
		expect(isLate('2024-03', new Date('2024-04-03T12:00:00Z'))).toBe(true);
		expect(isLate('2016', new Date('2026-11-21T12:00:00Z'))).toBe(true);
	});

	it('knows a date in the future', () => {
		const now = new Date('2026-11-21T10:00:00Z');
		expect(isInFuture('2026-11-22', now)).toBe(true);
		expect(isInFuture('2026-11-21', now)).toBe(false);
		expect(isInFuture('2026-12', now)).toBe(true);
	});
});
