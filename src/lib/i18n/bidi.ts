/**
 * Words people typed keep their own direction inside words Waymark says. "Leo seen." must not
 * become ".Leo seen" on an Arabic page, nor an Arabic name reorder an English sentence. Three
 * places, one rule each:
 *
 * - a value inside a translated message: i18next's formatter (`createI18n`) passes every string
 *   value through `isolateIn`, which wraps it in FIRST STRONG ISOLATE ... POP DIRECTIONAL ISOLATE
 *   (U+2068, U+2069): the value takes the direction of its own first letter and the sentence
 *   around it keeps the message's order. `isolated.svelte` shows the same isolates as `<bdi>`.
 * - text a person wrote that stands alone in an element (a title, an answer, a caption, a block
 *   of the editor's text): `dir="auto"` on that element.
 * - a name or title beside other words but outside a message (a table cell, a list item, a link):
 *   `<bdi>`.
 */

export const FSI = '\u2068';
export const PDI = '\u2069';

/**
 * A letter of a right-to-left script (Hebrew, Arabic, Syriac, Thaana, N'Ko, and the rest of
 * U+0590-08FF and their presentation forms, and those beyond the first plane), or a
 * right-to-left or Arabic letter mark.
 */
const rightToLeft =
	/[\u0590-\u08ff\u200f\u061c\ufb1d-\ufdff\ufe70-\ufefc\u{10800}-\u{10fff}\u{1e800}-\u{1efff}]/u;

export function hasRightToLeft(text: string): boolean {
	return rightToLeft.test(text);
}

/** The text between isolates, whatever its direction. */
export function isolate(text: string): string {
	return text ? `${FSI}${text}${PDI}` : text;
}

/**
 * Whether a value needs isolating in a page of this direction. On a right-to-left page every
 * value does ("Leo seen." at the end of an Arabic sentence). On a left-to-right page only one
 * with a right-to-left letter: the rest runs left to right anyway, and is left as it is, so the
 * English pages' text (and what people copy from them) has no invisible characters in it.
 */
export function needsIsolating(text: string, dir: 'ltr' | 'rtl'): boolean {
	return text !== '' && (dir === 'rtl' || hasRightToLeft(text));
}

/** The formatter's step for a page in this direction: strings isolated where needed. */
export function isolateIn(dir: 'ltr' | 'rtl'): (value: unknown) => unknown {
	return (value) =>
		typeof value === 'string' && needsIsolating(value, dir) ? isolate(value) : value;
}

export type Part = { text: string; isolated: boolean };

/**
 * A translated sentence cut at its outermost isolates, for a component that shows each isolated
 * value in `<bdi>`. Isolates inside a value (a message given to another as its value) stay as
 * characters in that value's text; an isolate left open runs to the end, as the Unicode
 * algorithm reads it.
 */
export function isolatedParts(text: string): Part[] {
	const parts: Part[] = [];
	let depth = 0;
	let start = 0;
	const push = (end: number, isolated: boolean) => {
		if (end > start) parts.push({ text: text.slice(start, end), isolated });
	};
	for (let i = 0; i < text.length; i++) {
		const c = text[i];
		if (c === FSI) {
			if (depth++ === 0) {
				push(i, false);
				start = i + 1;
			}
		} else if (c === PDI && depth > 0) {
			if (--depth === 0) {
				push(i, true);
				start = i + 1;
			}
		}
	}
	push(text.length, depth > 0);
	return parts;
}
