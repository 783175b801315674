import fs from 'node:fs';
import path from 'node:path';

/**
 * The checks every message file must pass against English: the same keys, the same
 * placeholders, and exactly the plural forms its language has (`Intl.PluralRules`).
 * Used by the unit test in CI and by `npm run check:messages` while translating.
 */
export type Messages = Record<string, string>;

const pluralSuffix = /_(zero|one|two|few|many|other)$/;

export function flatten(value: unknown, prefix = '', out: Messages = {}): Messages {
	for (const [key, child] of Object.entries(value as Record<string, unknown>)) {
		const name = prefix ? `${prefix}.${key}` : key;
		if (typeof child === 'string') out[name] = child;
		else if (child && typeof child === 'object') flatten(child, name, out);
		else out[name] = String(child);
	}
	return out;
}

/** A message file from disk, flattened to dotted keys (the app loads them with `loadMessages`). */
export function readMessages(dir: string, code: string): Messages {
	return flatten(JSON.parse(fs.readFileSync(path.join(dir, `${code}.json`), 'utf8')));
}

export const placeholders = (text: string): string[] =>
	[...text.matchAll(/\{\{\s*([\w.]+)\s*\}\}/g)].map((m) => m[1]!).sort();

/** Base key -> plural categories present (empty for a plain key). */
export function pluralGroups(messages: Messages): Map<string, Set<string>> {
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

export function pluralCategories(code: string): string[] {
	return new Intl.PluralRules(code).resolvedOptions().pluralCategories.slice().sort();
}

/** Every problem with one locale's messages, in words; empty when the file is complete. */
export function problemsWith(english: Messages, theirs: Messages, code: string): string[] {
	const problems: string[] = [];
	const ours = pluralGroups(english);
	const groups = pluralGroups(theirs);
	const categories = pluralCategories(code);
	for (const [base, forms] of ours) {
		const have = groups.get(base);
		if (!have) {
			problems.push(`missing key: ${base}`);
			continue;
		}
		if (forms.size === 0 && have.size > 0) problems.push(`not a plural in English: ${base}`);
		if (forms.size > 0) {
			const got = [...have].sort();
			if (got.join() !== categories.join())
				problems.push(
					`plural ${base}: has ${got.join(',')}, ${code} needs ${categories.join(',')}`
				);
		}
	}
	for (const base of groups.keys()) if (!ours.has(base)) problems.push(`extra key: ${base}`);
	for (const [key, text] of Object.entries(theirs)) {
		const base = key.replace(pluralSuffix, '');
		const reference = english[key] ?? english[`${base}_other`] ?? english[base];
		if (reference === undefined) continue;
		if (placeholders(text).join() !== placeholders(reference).join())
			problems.push(`placeholders differ in ${key}: ${placeholders(text).join(',') || 'none'}`);
		if (!text.trim()) problems.push(`empty: ${key}`);
	}
	return problems;
}
