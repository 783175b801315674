import type { i18n } from 'i18next';

/** Care-system words and their plain explanations, from the messages of each language. */
export type GlossaryTerm = { slug: string; term: string; explanation: string };
/** Spellings that begin with a word, longest first: the lower-case ones, and acronyms as written. */
type ByFirstWord = Map<string, string[]>;
export type Glossary = {
	terms: GlossaryTerm[];
	/** Words and phrases in any case; acronyms ("IRO", "PEP") in capitals only, so "pa" is not "PA". */
	words: ByFirstWord;
	acronyms: ByFirstWord;
	bySpelling: Map<string, GlossaryTerm>;
};
export type Segment = { text: string; term?: GlossaryTerm };

type Raw = Record<string, { term: string; match: string; explanation: string }>;

const cache = new Map<string, Glossary>();
const word = /[\p{L}\p{N}]+/gu;
const wordChar = /[\p{L}\p{N}]/u;

function index(spellings: string[]): ByFirstWord {
	const byFirst: ByFirstWord = new Map();
	for (const spelling of spellings.sort((a, b) => b.length - a.length)) {
		const first = spelling.match(word)?.[0];
		// A spelling must start with a letter or digit: whole words are found from where one starts.
		if (first && spelling.startsWith(first))
			byFirst.set(first, [...(byFirst.get(first) ?? []), spelling]);
	}
	return byFirst;
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
	const glossary = {
		terms: terms.sort((a, b) => a.term.localeCompare(b.term, lng)),
		words: index(words),
		acronyms: index(acronyms),
		bySpelling
	};
	cache.set(lng, glossary);
	return glossary;
}

/** The longest spelling that starts at `at` in `text` and ends where a word ends. */
function spellingAt(text: string, at: number, candidates: string[] | undefined): string | null {
	for (const spelling of candidates ?? []) {
		const end = at + spelling.length;
		if (text.startsWith(spelling, at) && !wordChar.test(text.charAt(end))) return spelling;
	}
	return null;
}

/**
 * Splits text into plain runs and terms; each term is marked the first time only (`seen`). Terms
 * are whole words: at each word's start, the spellings that begin with that word are tried,
 * longest first (one map look-up per word, where one big pattern tried every spelling at every
 * letter and was most of the time of a page of entries).
 */
export function markTerms(
	text: string,
	glossary: Glossary,
	lng: string,
	seen: Set<string>
): Segment[] {
	// Curly apostrophes match straight ones; the replacement keeps every index where it was.
	const plain = text.replace(/[\u2018\u2019]/g, "'");
	const lower = plain.toLocaleLowerCase(lng);
	// Lower case that changes the length (a rare letter) would move every index: match as written.
	const folded = lower.length === plain.length ? lower : plain;
	const segments: Segment[] = [];
	let last = 0;
	for (const found of plain.matchAll(word)) {
		const at = found.index;
		if (at < last) continue;
		const spelling =
			spellingAt(folded, at, glossary.words.get(folded.slice(at, at + found[0].length))) ??
			spellingAt(plain, at, glossary.acronyms.get(found[0]));
		if (!spelling) continue;
		const end = at + spelling.length;
		const term = glossary.bySpelling.get(spelling.toLocaleLowerCase(lng));
		if (term && !seen.has(term.slug)) {
			seen.add(term.slug);
			if (at > last) segments.push({ text: text.slice(last, at) });
			segments.push({ text: text.slice(at, end), term });
		} else {
			// Already explained above: the words stay plain.
			segments.push({ text: text.slice(last, end) });
		}
		last = end;
	}
	if (last < text.length) segments.push({ text: text.slice(last) });
	return segments.length ? segments : [{ text }];
}
