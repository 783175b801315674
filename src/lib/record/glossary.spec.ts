import { describe, expect, it } from 'vitest';
import { createI18n } from '../i18n';
import { glossaryOf, markTerms } from './glossary';
import { locales } from '../i18n/locales';

describe('the glossary', () => {
	it.each(locales.map((l) => l.code))(
		'%s has every term, and explains the English words of a record written in English',
		async (lng) => {
			const glossary = glossaryOf(await createI18n(lng));
			const english = glossaryOf(await createI18n('en-GB'));
			expect(glossary.terms.map((t) => t.slug).sort()).toEqual(
				english.terms.map((t) => t.slug).sort()
			);
			const text = 'Maya’s IRO chaired her looked after review. Her foster carer came.';
			const found = markTerms(text, glossary, lng, new Set())
				.filter((s) => s.term)
				.map((s) => s.term!.slug);
			expect(found).toEqual(['iro', 'review', 'foster-carer']);
		}
	);

	it.each(locales.map((l) => l.code))(
		'%s finds every spelling of every term inside a sentence, and none inside a longer word',
		async (lng) => {
			const glossary = glossaryOf(await createI18n(lng));
			for (const [key, term] of glossary.bySpelling) {
				const spelling = /^[\p{Lu}\p{N}]{2,6}$/u.test(key.toLocaleUpperCase(lng))
					? [...glossary.acronyms.values()].flat().find((a) => a.toLocaleLowerCase(lng) === key)
					: undefined;
				const written = spelling ?? key;
				const found = markTerms(`(${written}), then`, glossary, lng, new Set()).filter(
					(s) => s.term
				);
				expect(
					found.map((s) => [s.text, s.term!.slug]),
					`${lng} ${written}`
				).toEqual([[written, term.slug]]);
				const inside = markTerms(`x${written}x`, glossary, lng, new Set());
				expect(
					inside.some((s) => s.text === written && s.term),
					`${lng} x${written}x`
				).toBe(false);
			}
		}
	);

	it('has at least 40 care-system terms, explained, in English and Welsh', async () => {
		for (const lng of ['en-GB', 'cy']) {
			const glossary = glossaryOf(await createI18n(lng));
			expect(glossary.terms.length, lng).toBeGreaterThanOrEqual(40);
			for (const term of glossary.terms)
				expect(term.explanation.length, term.slug).toBeGreaterThan(10);
		}
		const english = glossaryOf(await createI18n('en-GB'));
		const required = [
			'looked-after',
			'review',
			'iro',
			'pep',
			'ehc-plan',
			'care-order',
			'section-20',
			'pathway-plan',
			'placement',
			'contact',
			'child-protection-conference',
			'core-group',
			'strategy-meeting',
			'advocate',
			'personal-adviser',
			'respite',
			'kinship-care',
			'special-guardianship'
		];
		for (const slug of required)
			expect(
				english.terms.some((t) => t.slug === slug),
				slug
			).toBe(true);
	});

	it('marks each term the first time, as whole words, acronyms in capitals only', async () => {
		const glossary = glossaryOf(await createI18n('en-GB'));
		const seen = new Set<string>();
		const segments = markTerms(
			'Her IRO came to the looked-after review. The IRO said pa.',
			glossary,
			'en-GB',
			seen
		);
		const marked = segments.filter((s) => s.term).map((s) => s.text);
		expect(marked).toContain('IRO');
		expect(marked).toContain('looked-after review');
		expect(marked.filter((m) => m === 'IRO')).toHaveLength(1);
		expect(segments.map((s) => s.text).join('')).toBe(
			'Her IRO came to the looked-after review. The IRO said pa.'
		);
		expect(
			markTerms('an iro, a reviewer', glossary, 'en-GB', new Set()).some(
				(s) => s.term?.slug === 'iro'
			)
		).toBe(false);
		expect(
			markTerms('Maya’s care order', glossary, 'en-GB', new Set()).some(
				(s) => s.term?.slug === 'care-order'
			)
		).toBe(true);
	});
});
