import { describe, expect, it } from 'vitest';
import {
	FSI,
	PDI,
	hasRightToLeft,
	isolate,
	isolatedParts,
	isolateIn,
	needsIsolating
} from './bidi';
import { createI18n } from '.';

const isolated = (text: string) => `${FSI}${text}${PDI}`;

describe('isolating what people wrote', () => {
	it('finds right-to-left letters in every right-to-left language Waymark speaks, and marks', () => {
		for (const text of ['مريم', 'مریم', 'مەریەم', 'מרים', 'ܡܪܝܡ', '\u200f', 'Leo ولد']) {
			expect(hasRightToLeft(text), text).toBe(true);
		}
		for (const text of ['Leo seen.', 'Łódź', 'Київ', 'ትግርኛ', 'Tiếng Việt', '12:30', '']) {
			expect(hasRightToLeft(text), text).toBe(false);
		}
	});

	it('isolates every value on a right-to-left page, and on a left-to-right one only a value with a right-to-left letter', () => {
		expect(needsIsolating('Leo seen.', 'rtl')).toBe(true);
		expect(needsIsolating('أخصائي اجتماعي', 'rtl')).toBe(true);
		expect(needsIsolating('12 - 15', 'rtl')).toBe(true);
		expect(needsIsolating('Leo seen.', 'ltr')).toBe(false);
		expect(needsIsolating('مريم.', 'ltr')).toBe(true);
		expect(needsIsolating('', 'rtl')).toBe(false);
		expect(isolate('Priya Shah')).toBe(isolated('Priya Shah'));
		expect(isolate('')).toBe('');
	});

	it('leaves what is not a string to the formatter (numbers are written in the reader’s digits)', () => {
		const rtl = isolateIn('rtl');
		expect(rtl('Leo')).toBe(isolated('Leo'));
		expect(rtl(12)).toBe(12);
		expect(rtl(undefined)).toBe(undefined);
		expect(isolateIn('ltr')('Leo')).toBe('Leo');
	});

	it('cuts a sentence at its outermost isolates, keeping those inside a value as they are', () => {
		expect(isolatedParts(`كتبه ${isolated('Priya Shah')} (${isolated('أخصائية')})`)).toEqual([
			{ text: 'كتبه ', isolated: false },
			{ text: 'Priya Shah', isolated: true },
			{ text: ' (', isolated: false },
			{ text: 'أخصائية', isolated: true },
			{ text: ')', isolated: false }
		]);
		const inner = `${isolated('Sally')}، ${isolated('والدتك')}`;
		expect(isolatedParts(`من أخبرنا: ${isolated(inner)}`)).toEqual([
			{ text: 'من أخبرنا: ', isolated: false },
			{ text: inner, isolated: true }
		]);
		expect(isolatedParts('no values')).toEqual([{ text: 'no values', isolated: false }]);
		expect(isolatedParts(`open ${FSI}to the end`)).toEqual([
			{ text: 'open ', isolated: false },
			{ text: 'to the end', isolated: true }
		]);
	});
});

describe('every message, through i18next', () => {
	it('in Arabic, a staff signature has the name and the role each isolated, in the message’s order', async () => {
		const ar = await createI18n('ar');
		const role = ar.t('roles.social_worker');
		const signed = ar.t('record.child.writtenBy', {
			name: 'Priya Shah',
			post: role,
			date: '12 مارس 2024'
		});
		expect(signed).toContain(isolated('Priya Shah'));
		expect(signed).toContain(isolated(role));
		expect(signed.indexOf('Priya Shah')).toBeLessThan(signed.indexOf(role));
		expect(role).not.toMatch(/[a-z]/i);
	});

	it('in English, an English name is left as it is and an Arabic one is isolated', async () => {
		const en = await createI18n('en-GB');
		expect(en.t('childHome.welcome', { name: 'Maya' })).not.toContain(FSI);
		expect(en.t('childHome.welcome', { name: 'مريم' })).toContain(isolated('مريم'));
	});

	it('never isolates a count, so plurals and digits work as before', async () => {
		const ar = await createI18n('ar');
		expect(ar.t('record.staff.count', { count: 3 })).not.toContain(FSI);
	});
});
