import { describe, expect, it } from 'vitest';
import { normaliseText } from './normalise';
import { FormReader } from './validation';
import { sanitiseDoc } from './record/sanitise';
import { createTestDb } from './test/db';
import { actorFor, makeWorld } from './test/factories';
import { readChildEntryForm } from './space/input';
import { createChildDraft } from './space/child-entries';

const bidiControls = [
	'\u202a',
	'\u202b',
	'\u202c',
	'\u202d',
	'\u202e',
	'\u2066',
	'\u2067',
	'\u2068',
	'\u2069'
];
const c0 = Array.from({ length: 32 }, (_, i) => String.fromCharCode(i)).filter(
	(c) => !'\t\n\r'.includes(c)
);
const c1 = Array.from({ length: 33 }, (_, i) => String.fromCharCode(0x7f + i));

/** Words from each of Waymark's twelve languages, as people type them. */
const words = {
	english: 'My foster carer’s dog — “Biscuit” — is 3½ years old.',
	welsh: 'Mae’r ŵyn yn y dŷ; rydw i’n hoffi ŵy a chŵn.',
	arabic: 'أريد أن أبقى مع أخي في المدرسة نفسها.',
	persian: 'می‌خواهم با خواهرم زندگی کنم؛ نمی‌دانم چرا.',
	pashto: 'زه غواړم چې د خپل ورور سره اوسېږم.',
	sorani: 'دەمەوێت لەگەڵ خوشکەکەم بژیم؛ نازانم بۆچی.',
	tigrinya: 'ምስ ሓወይ ክነብር እደሊ እየ።',
	vietnamese: 'Tôi muốn được ở cùng em gái của tôi ở trường.',
	albanian: 'Dua të jetoj me vëllanë tim; çdo të shtunë shkoj në shkollë.',
	polish: 'Chcę mieszkać z siostrą; źle się czuję, gdy jest daleko. Żółć!',
	romanian: 'Vreau să locuiesc cu fratele meu; îmi place școala și țara.',
	ukrainian: 'Я хочу жити з братом; їжак і ґанок — це слова.'
};

describe('text people type', () => {
	it('loses NUL and every other control character, keeping the letters around them', () => {
		for (const c of [...c0, ...c1]) {
			expect(normaliseText(`ab${c}cd`), c.charCodeAt(0).toString(16)).toBe('abcd');
		}
		expect(normaliseText('My\u0000 day')).toBe('My day');
	});

	it('loses every bidi embedding, override and isolate control', () => {
		for (const c of bidiControls) {
			expect(normaliseText(`photo${c}gpj.exe`), c.charCodeAt(0).toString(16)).toBe('photogpj.exe');
		}
		expect(normaliseText('\u202eMy title\u0000\u2066!\u2069')).toBe('My title!');
	});

	it('keeps newlines and tabs only where a field has several lines', () => {
		expect(normaliseText('one\r\ntwo\rthree\n\tfour', { multiline: true })).toBe(
			'one\ntwo\nthree\n\tfour'
		);
		expect(normaliseText('one\r\ntwo\tthree')).toBe('one two three');
	});

	it('stores decomposed letters composed (NFC)', () => {
		const decomposed = 'Sio\u0302n, w\u0302, y\u0302, Jose\u0301, Đa\u0300 Na\u0306\u0303ng';
		expect(decomposed).not.toBe(decomposed.normalize('NFC'));
		expect(normaliseText(decomposed)).toBe('Siôn, ŵ, ŷ, José, Đà Nẵng');
		expect(normaliseText(decomposed)).toBe(decomposed.normalize('NFC'));
	});

	it('passes every language through unchanged, with the joiners and marks scripts need', () => {
		for (const [language, text] of Object.entries(words)) {
			expect(normaliseText(text), language).toBe(text);
			expect(normaliseText(text, { multiline: true }), language).toBe(text);
		}
		expect(words.persian).toContain('\u200c');
		const joiners = 'نمی‌دانم 👩‍👧 \u200eA\u200f \u061c';
		expect(normaliseText(joiners)).toBe(joiners);
	});

	it('mends a lone half of a character rather than storing it', () => {
		expect(normaliseText('a\ud83db')).toBe('a\ufffdb');
		expect(normaliseText('a\ude00b')).toBe('a\ufffdb');
		expect(normaliseText('a😀b')).toBe('a😀b');
	});
});

describe('where text comes in', () => {
	const form = (entries: Record<string, string>) => {
		const data = new FormData();
		for (const [k, v] of Object.entries(entries)) data.set(k, v);
		return new FormReader(data);
	};

	it('every form field is normalised; secrets stay as typed', () => {
		const reader = form({
			title: '\u202eMy\u0000 title\u202c',
			answer: 'line one\r\n\u2067line two\u2069',
			names: 'Sam\u0000\nAlex\u202e\n',
			password: 'pass\u0000\u202eword',
			welsh: words.welsh
		});
		expect(reader.text('title', { required: true })).toBe('My title');
		expect(reader.text('answer', { multiline: true })).toBe('line one\nline two');
		expect(reader.lines('names')).toEqual(['Sam', 'Alex']);
		expect(reader.secret('password')).toBe('pass\u0000\u202eword');
		expect(reader.text('welsh')).toBe(words.welsh);
		expect(reader.values.title).toBe('My title');
	});

	it('a title of only hiding characters is empty, so required', () => {
		const reader = form({ title: '\u202e\u0000\u2066' });
		expect(reader.text('title', { required: true })).toBe('');
		expect(reader.problems.title).toBe('form.required');
	});

	it("the editor's documents are normalised in every text node", () => {
		const { doc, text } = sanitiseDoc({
			type: 'doc',
			content: [
				{
					type: 'paragraph',
					content: [
						{ type: 'text', text: 'Jose\u0301 \u202eis\u0000 ' },
						{ type: 'text', text: 'nice\u2069', marks: [{ type: 'bold' }] }
					]
				}
			]
		});
		expect(text).toBe('José is nice');
		expect(JSON.stringify(doc)).not.toMatch(/[\u0000\u202e\u2069]/);
	});

	it('a title typed with U+202E and NUL is stored without them', () => {
		const db = createTestDb();
		const child = actorFor(db, makeWorld(db).child.account!);
		const reader = form({
			title: '\u202eMy first\u0000 day at school',
			eventDate: '2019',
			bodyText: 'We had\u0000 a \u2066party\u2069.\r\n\r\nJose\u0301 came.',
			place: 'Cardiff\u202e'
		});
		const input = readChildEntryForm(reader, 'life_event', {
			today: '2026-12-03',
			birthYear: 2012
		});
		expect(reader.ok).toBe(true);
		const draft = createChildDraft(db, child, input);
		expect(draft.title).toBe('My first day at school');
		expect(draft.bodyText).toBe('We had a party.\n\nJosé came.');
		expect(draft.details?.place).toBe('Cardiff');
	});
});
