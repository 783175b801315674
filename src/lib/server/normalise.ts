/**
 * The one cleaning of text that people type, before it is checked or kept (FormReader for every
 * form field, the editor's sanitiser for every text node). Text that hides is taken out:
 *
 * - control characters (C0, DEL, C1), NUL included; a field of several lines keeps its newlines
 *   and tabs (Windows' CR LF and a lone CR become a newline), a field of one line gets a space;
 * - the bidi embedding, override and isolate controls (U+202A to U+202E, U+2066 to U+2069), which
 *   can make "gpj.exe" read as "exe.jpg" and reorder a record's words; the pages set the
 *   direction of what people wrote themselves (`dir="auto"`, <bdi>), so nobody needs to type them;
 * - halves of a character without their other half (lone surrogates) become U+FFFD.
 *
 * Every language's letters stay, and so do the joiners some scripts need (ZWNJ U+200C and ZWJ
 * U+200D: Persian, Kurdish, the Indic scripts, emoji) and the left-to-right and right-to-left
 * marks (U+200E, U+200F, U+061C), which only nudge neutral characters and hide nothing.
 * The result is in Unicode NFC, so "é" typed as e + U+0301 is stored as one letter, and two
 * spellings of the same word compare equal.
 */

const controls = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g;

/** Printable ASCII, newlines and tabs: already clean and in NFC (most of what staff type). */
const plain = /^[\t\n\x20-\x7e]*$/;

export function normaliseText(raw: string, options: { multiline?: boolean } = {}): string {
	const text = plain.test(raw)
		? raw
		: raw.replace(/\r\n?/g, '\n').replace(controls, '').toWellFormed().normalize('NFC');
	return options.multiline ? text : text.replace(/[\n\t]/g, ' ');
}
