import { describe, expect, it } from 'vitest';
import fs from 'node:fs';
import path from 'node:path';
import { locales } from './locales';

const dir = path.resolve('messages');
const pluralSuffix = /_(zero|one|two|few|many|other)$/;

function flatten(value: unknown, prefix = '', out: Record<string, string> = {}) {
	for (const [key, child] of Object.entries(value as Record<string, unknown>)) {
		const name = prefix ? `${prefix}.${key}` : key;
		if (typeof child === 'string') out[name] = child;
		else flatten(child, name, out);
	}
	return out;
}

function load(code: string) {
	return flatten(JSON.parse(fs.readFileSync(path.join(dir, `${code}.json`), 'utf8')));
}

const placeholders = (text: string) =>
	[...text.matchAll(/\{\{\s*([\w.]+)\s*\}\}/g)].map((m) => m[1]).sort();

/** Base key -> plural categories present (empty set for a plain key). */
function groups(messages: Record<string, string>) {
	const out = new Map<string, Set<string>>();
	for (const key of Object.keys(messages)) {
		const match = key.match(pluralSuffix);
		const base = match ? key.slice(0, -match[0].length) : key;
		const set = out.get(base) ?? new Set<string>();
		if (match) set.add(match[1]!);
		out.set(base, set);
	}
	return out;
}

const english = load('en-GB');
const englishGroups = groups(english);

describe('message files', () => {
	it('has one file for each locale, and no file without a locale', () => {
		const files = fs
			.readdirSync(dir)
			.filter((f) => f.endsWith('.json'))
			.map((f) => f.slice(0, -5));
		expect(files.sort()).toEqual(locales.map((l) => l.code).sort());
	});

	it.each(locales.map((l) => l.code))('%s has every key English has, and no other', (code) => {
		const theirs = groups(load(code));
		const missing = [...englishGroups.keys()].filter((k) => !theirs.has(k));
		const extra = [...theirs.keys()].filter((k) => !englishGroups.has(k));
		expect({ missing, extra }).toEqual({ missing: [], extra: [] });
	});

	it.each(locales.map((l) => l.code))(
		'%s has exactly its plural forms for every plural',
		(code) => {
			const categories = new Intl.PluralRules(code)
				.resolvedOptions()
				.pluralCategories.slice()
				.sort();
			const theirs = groups(load(code));
			for (const [base, forms] of englishGroups) {
				if (forms.size === 0) continue;
				expect([...(theirs.get(base) ?? [])].sort(), base).toEqual(categories);
			}
		}
	);

	it.each(locales.map((l) => l.code))('%s keeps every placeholder English uses', (code) => {
		const messages = load(code);
		for (const [key, text] of Object.entries(messages)) {
			const base = key.replace(pluralSuffix, '');
			const reference = english[key] ?? english[`${base}_other`] ?? english[base];
			expect(reference, key).toBeDefined();
			expect(placeholders(text), key).toEqual(placeholders(reference!));
		}
	});
});

describe('i18next instances', () => {
	it('gives each request its own language, even at the same time', async () => {
		const { createI18n } = await import('.');
		const [welsh, english] = await Promise.all([createI18n('cy'), createI18n('en-GB')]);
		expect(welsh.t('signIn.title')).toBe('Mewngofnodi');
		expect(english.t('signIn.title')).toBe('Sign in');
		expect(welsh.t('signIn.title')).toBe('Mewngofnodi');
		expect((await createI18n('xx')).language).toBe('en-GB');
	});
});
