import { describe, expect, it } from 'vitest';
import fs from 'node:fs';
import path from 'node:path';
import { locales } from '../lib/i18n/locales';
import { readMessages, placeholders, pluralCategories, problemsWith } from './messages';
import { isChildFacing } from './audience';
import { readabilityReport } from './readability-report';
import { gradeOf } from './readability';

const dir = path.resolve('messages');
const english = readMessages(dir, 'en-GB');

describe('message files', () => {
	it('has one file for each locale, and no file without a locale', () => {
		const files = fs
			.readdirSync(dir)
			.filter((f) => f.endsWith('.json'))
			.map((f) => f.slice(0, -5));
		expect(files.sort()).toEqual(locales.map((l) => l.code).sort());
	});

	it.each(locales.map((l) => l.code))(
		'%s: every key English has and no other, the same placeholders, exactly its plural forms',
		(code) => {
			expect(problemsWith(english, readMessages(dir, code), code)).toEqual([]);
		}
	);

	it('the check itself catches a missing key, an extra key, a changed placeholder and a wrong plural set', () => {
		const theirs = { ...english };
		delete theirs['signIn.title'];
		theirs['signIn.extra'] = 'x';
		theirs['childHome.welcome'] = 'Hello, {{nam}}!';
		delete theirs['signIn.throttled_one'];
		expect(problemsWith(english, theirs, 'en-GB')).toEqual([
			'missing key: signIn.title',
			'plural signIn.throttled: has other, en-GB needs one,other',
			'extra key: signIn.extra',
			'placeholders differ in childHome.welcome: nam'
		]);
		// Arabic needs six forms: English's two are not enough.
		expect(pluralCategories('ar')).toEqual(['few', 'many', 'one', 'other', 'two', 'zero']);
	});

	it.each(locales.filter((l) => l.code !== 'en-GB').map((l) => l.code))(
		'%s has its own words: no more than a few messages left in English',
		(code) => {
			const theirs = readMessages(dir, code);
			const same = Object.keys(theirs).filter(
				(k) => theirs[k] === english[k] && gradeOf(english[k]!).words >= 4
			);
			expect(same.length, same.join(', ')).toBeLessThanOrEqual(8);
		}
	);
});

describe('easy read', () => {
	const easyDir = path.join(dir, 'easy');
	const codes = fs.readdirSync(easyDir).map((f) => f.replace(/\.json$/, ''));

	it('exists in English and Welsh', () => {
		expect(codes.sort()).toEqual(['cy', 'en-GB']);
	});

	it.each(['en-GB', 'cy'])(
		'%s: an easy wording of every child-facing sentence, with the same placeholders',
		(code) => {
			const base = readMessages(dir, code);
			const easy = readMessages(easyDir, code);
			for (const [key, text] of Object.entries(easy)) {
				expect(base[key], `easy key ${key} exists`).toBeDefined();
				expect(placeholders(text), key).toEqual(placeholders(base[key]!));
			}
			const sentences = Object.keys(english).filter(
				(k) =>
					isChildFacing(k) &&
					!k.startsWith('glossary.terms.') &&
					english[k]!.split(/\s+/).length >= 5
			);
			const missing = sentences.filter((k) => easy[k] === undefined);
			expect(missing).toEqual([]);
		}
	);
});

describe('reading age', () => {
	it('child-facing English averages grade 4 or below, and none is above 6 without a reason', () => {
		const report = readabilityReport(dir);
		expect(report.rows.length).toBeGreaterThan(150);
		expect(report.average).toBeLessThanOrEqual(4);
		expect(report.tooHard.map((r) => `${r.grade} ${r.key}`)).toEqual([]);
	});

	it('grades as Flesch-Kincaid does', () => {
		expect(gradeOf('The cat sat on the mat.').grade).toBeCloseTo(-1.4, 1);
		expect(
			gradeOf('Adults must consider the implications of safeguarding legislation.').grade
		).toBeGreaterThan(12);
	});
});

describe('i18next instances', () => {
	it('gives each request its own language, even at the same time', async () => {
		const { createI18n } = await import('../lib/i18n');
		const [welsh, english] = await Promise.all([createI18n('cy'), createI18n('en-GB')]);
		expect(welsh.t('signIn.title')).toBe('Mewngofnodi');
		expect(english.t('signIn.title')).toBe('Sign in');
		expect(welsh.t('signIn.title')).toBe('Mewngofnodi');
		expect((await createI18n('xx')).language).toBe('en-GB');
	});

	it('in easy read, takes the easy wording first and falls back to the usual one', async () => {
		const { createI18n } = await import('../lib/i18n');
		const easy = await createI18n('en-GB', { easyRead: true });
		const usual = await createI18n('en-GB');
		expect(easy.t('childHome.intro')).not.toBe(usual.t('childHome.intro'));
		expect(easy.t('signIn.title')).toBe(usual.t('signIn.title'));
		// Arabic has no easy wording yet: the usual Arabic, never English.
		const arabic = await createI18n('ar', { easyRead: true });
		expect(arabic.t('signIn.title')).toBe((await createI18n('ar')).t('signIn.title'));
	});

	it("writes numbers in the reader's digits", async () => {
		const { createI18n } = await import('../lib/i18n');
		expect((await createI18n('fa')).t('record.staff.count', { count: 12 })).toContain('۱۲');
		expect((await createI18n('en-GB')).t('record.staff.count', { count: 1200 })).toBe(
			'1,200 entries'
		);
	});

	it('counts in Arabic with all six plural forms', async () => {
		const { createI18n } = await import('../lib/i18n');
		const ar = await createI18n('ar');
		const form = (suffix: string, count: number) =>
			String(ar.getResource('ar', 'translation', `record.staff.count_${suffix}`)).replace(
				'{{count}}',
				String(count)
			);
		for (const [suffix, count] of [
			['zero', 0],
			['one', 1],
			['two', 2],
			['few', 3],
			['many', 11],
			['other', 100]
		] as const) {
			expect(ar.t('record.staff.count', { count })).toBe(form(suffix, count));
		}
	});
});
