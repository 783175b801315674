import type { i18n } from 'i18next';

/** Care-system words and their plain explanations, from the messages of each language. */
export type GlossaryTerm = { slug: string; term: string; explanation: string };
export type Glossary = {
	terms: GlossaryTerm[];
	/** Words and phrases in any case; acronyms ("IRO", "PEP") in capitals only, so "pa" is not "PA". */
	patterns: RegExp[];
	bySpelling: Map<string, GlossaryTerm>;
};
export type Segment = { text: string; term?: GlossaryTerm };

type Raw = Record<string, { term: string; match: string; explanation: string }>;

const cache = new Map<string, Glossary>();

function escape(text: string): string {
	return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function wholeWords(spellings: string[], flags: string): RegExp {
	const alternatives = spellings.sort((a, b) => b.length - a.length).map(escape);
	return new RegExp(`(?<![\\p{L}\\p{N}])(${alternatives.join('|')})(?![\\p{L}\\p{N}])`, flags);
}

/** Built once per language: every spelling of every term, longest first, as whole words. */
export function glossaryOf(instance: i18n): Glossary {
	const lng = instance.language;
	const cached = cache.get(lng);
	if (cached) return cached;
	const raw = (instance.getResource(lng, 'translation', 'glossary.terms') ?? {}) as Raw;
	const terms: GlossaryTerm[] = [];
	const bySpelling = new Map<string, GlossaryTerm>();
	const words: string[] = [];
	const acronyms: string[] = [];
	for (const [slug, { term, match, explanation }] of Object.entries(raw)) {
		const entry = { slug, term, explanation };
		terms.push(entry);
		for (const spelling of [term, ...match.split('|')].map((s) => s.trim())) {
			const key = spelling.toLocaleLowerCase(lng);
			if (!key || bySpelling.has(key)) continue;
			bySpelling.set(key, entry);
			if (/^[\p{Lu}\p{N}]{2,6}$/u.test(spelling)) acronyms.push(spelling);
			else words.push(key);
		}
	}
	const patterns = [
		...(words.length ? [wholeWords(words, 'giu')] : []),
		...(acronyms.length ? [wholeWords(acronyms, 'gu')] : [])
	];
	const glossary = {
		terms: terms.sort((a, b) => a.term.localeCompare(b.term, lng)),
		patterns,
		bySpelling
	};
	cache.set(lng, glossary);
	return glossary;
}

/** Splits text into plain runs and terms; each term is marked the first time only (`seen`). */
export function markTerms(
	text: string,
	glossary: Glossary,
	lng: string,
	seen: Set<string>
): Segment[] {
	if (!glossary.patterns.length) return [{ text }];
	// Curly apostrophes match straight ones; the replacement keeps every index where it was.
	const plain = text.replace(/[\u2018\u2019]/g, "'");
	const matches = glossary.patterns
		.flatMap((pattern) => [...plain.matchAll(pattern)])
		.sort((a, b) => a.index - b.index || b[0].length - a[0].length);
	const segments: Segment[] = [];
	let last = 0;
	for (const match of matches) {
		if (match.index < last) continue;
		const term = glossary.bySpelling.get(match[0].toLocaleLowerCase(lng));
		if (!term || seen.has(term.slug)) continue;
		seen.add(term.slug);
		if (match.index > last) segments.push({ text: text.slice(last, match.index) });
		segments.push({ text: text.slice(match.index, match.index + match[0].length), term });
		last = match.index + match[0].length;
	}
	if (last < text.length) segments.push({ text: text.slice(last) });
	return segments;
}
