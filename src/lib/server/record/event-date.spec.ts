import { describe, expect, it } from 'vitest';
import { eventSortKey, parseEventDate } from './event-date';

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
});
