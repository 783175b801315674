import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { userEvent } from 'vitest/browser';
import { createRawSnippet } from 'svelte';
import { cleanup, render, until } from '$lib/test/render';
import ReadAloud from '$lib/components/ui/read-aloud.svelte';
import ReadAloudControls from '$lib/components/ui/read-aloud-controls.svelte';
import Term from '$lib/components/record/term.svelte';
import BodyField from '$lib/components/record/body-field.svelte';
import VoiceRecorder from '$lib/components/space/voice-recorder.svelte';
import OfflineSync from '$lib/components/offline/offline-sync.svelte';
import { listDrafts, saveDraft } from '$lib/offline/vault';
import { attributes, marker, readControl, selector, type ReadControl } from './contract';

/**
 * The page script against the components that feed it, drawn as the server draws them: each
 * test goes through the contract from both sides (what a component writes, what the script reads).
 * The script runs once for the whole file, as it does once per page.
 */

vi.mock('$app/state', () => ({ page: { url: new URL('http://localhost/me/story') } }));

/** A device with an English voice only, which remembers what it was asked to say. */
const said: SpeechSynthesisUtterance[] = [];
const speech = {
	getVoices: () => [{ lang: 'en-GB', name: 'English' }] as SpeechSynthesisVoice[],
	speak: (utterance: SpeechSynthesisUtterance) => void said.push(utterance),
	cancel: () => {},
	pause: () => {},
	resume: () => {},
	addEventListener: () => {}
};

const box = (lang: string) =>
	document.querySelector<HTMLElement>(
		`[lang-under-test="${lang}"] ${selector(attributes.readAloud)}`
	)!;
const control = (inside: HTMLElement, name: ReadControl) =>
	inside.querySelector<HTMLElement>(selector(attributes.read, name))!;
const shown = (inside: HTMLElement) =>
	[...inside.querySelectorAll<HTMLElement>(selector(attributes.read))]
		.filter((part) => !part.hidden)
		.map((part) => part.getAttribute(attributes.read));

function host(name: string): HTMLElement {
	const element = document.createElement('div');
	element.setAttribute('lang-under-test', name);
	document.body.append(element);
	return element;
}

/** Headless Chromium has no voices: an utterance that takes the fake one. */
class Utterance extends EventTarget {
	lang = '';
	voice: SpeechSynthesisVoice | null = null;
	rate = 1;
	constructor(public text: string) {
		super();
	}
}

beforeAll(async () => {
	Object.defineProperty(window, 'speechSynthesis', { value: speech, configurable: true });
	vi.stubGlobal('SpeechSynthesisUtterance', Utterance);
	// Kept by a child before they signed out: the signed-out page's offline box deletes it.
	await saveDraft({ action: '/me/views/new', fields: [['worries', 'Sam']], files: [] });

	await render(ReadAloudControls, {});
	await render(ReadAloud, { text: 'Hello there' }, { into: host('en') });
	await render(ReadAloud, { text: 'مرحبا', lang: 'ar' }, { into: host('ar') });
	await render(
		Term,
		{
			term: { slug: 'care-plan', term: 'care plan', explanation: 'A plan for your care.' },
			id: 'term-care-plan',
			children: createRawSnippet(() => ({ render: () => '<span>care plan</span>' }))
		},
		{ into: host('term') }
	);
	const print = Object.assign(document.createElement('button'), { type: 'button' });
	for (const [name, value] of Object.entries(marker(attributes.print)))
		print.setAttribute(name, value);
	host('print').append(print);
	const form = document.createElement('form');
	host('editor').append(form);
	await render(
		BodyField,
		{ label: 'What happened', text: 'First words', doc: '', small: true },
		{ into: form }
	);
	await render(VoiceRecorder, {}, { into: host('recorder') });
	await render(OfflineSync, { signedIn: false });

	await import('./page');
});

afterAll(cleanup);

describe('read-aloud', () => {
	it('reads the box in its language and shows pause and stop while it speaks', async () => {
		const english = box('en');
		expect(shown(english)).toEqual(['play']);
		control(english, 'play').click();
		await until(() => expect(english.getAttribute(attributes.readState)).toBe('speaking'));
		expect(said.at(-1)?.text).toBe('Hello there');
		expect(said.at(-1)?.lang).toBe('en-GB');
		expect(shown(english)).toEqual(['pause', 'stop']);

		control(english, 'pause').click();
		expect(shown(english)).toEqual(['resume', 'stop']);
		control(english, 'stop').click();
		expect(english.getAttribute(attributes.readState)).toBe('idle');
		expect(shown(english)).toEqual(['play']);
	});

	it('says when the device has no voice for the language, naming it, and offers English', async () => {
		const arabic = box('ar');
		control(arabic, 'play').click();
		await until(() => expect(arabic.getAttribute(attributes.readState)).toBe('no-voice'));
		const missing = control(arabic, 'no-voice');
		expect(missing.hidden).toBe(false);
		expect(missing.textContent).toContain('no voice for Arabic');
		expect(missing.querySelectorAll(selector(attributes.tryEnglish))).toHaveLength(2);
		// The English box, copied the same template, has no offer of English.
		expect(box('en').querySelectorAll(selector(attributes.tryEnglish))).toHaveLength(0);
	});
});

it('explains a glossary word on the first tap instead of leaving the page, and Escape hides it', () => {
	const term = document.querySelector<HTMLElement>(selector(attributes.term))!;
	const link = term.querySelector('a')!;
	const followed = link.dispatchEvent(new MouseEvent('click', { bubbles: true, cancelable: true }));
	expect(followed).toBe(false);
	expect(term.classList.contains('open')).toBe(true);
	document.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape' }));
	expect(term.classList.contains('open')).toBe(false);
});

it('prints from a print button', () => {
	const print = vi.spyOn(window, 'print').mockImplementation(() => {});
	document.querySelector<HTMLElement>(selector(attributes.print))!.click();
	expect(print).toHaveBeenCalledOnce();
});

describe("the child's editor", () => {
	it('takes the place of the text box on first touch, with the small toolbar and the words typed', async () => {
		const textarea = document.querySelector<HTMLTextAreaElement>('#bodyText')!;
		expect(textarea.hasAttribute(attributes.editor)).toBe(true);
		textarea.value = 'First words, and more';
		await userEvent.click(textarea);
		const surface = await until(() => {
			const found = document.querySelector<HTMLElement>('[role=textbox][contenteditable=true]');
			if (!found) throw new Error('No editor yet');
			return found;
		});
		expect(document.querySelector('#bodyText')).toBeNull();
		expect(document.activeElement).toBe(surface);
		const toolbar = document.querySelector('[role=toolbar]')!;
		expect(toolbar.getAttribute('aria-label')).toBe('Text style');
		expect([...toolbar.querySelectorAll('button')].map((b) => b.textContent)).toEqual([
			'Bold',
			'Bullet list'
		]);
		const doc = document.querySelector<HTMLInputElement>('input[name=bodyDoc]')!;
		expect(JSON.parse(doc.value).content[0].content[0].text).toBe('First words, and more');
		// The editor is labelled by the field's own label.
		expect(document.getElementById(surface.getAttribute('aria-labelledby')!)?.textContent).toBe(
			'What happened'
		);
	});

	it('leaves a box whose payload does not read as a plain box', async () => {
		const textarea = Object.assign(document.createElement('textarea'), { id: 'broken' });
		textarea.setAttribute(attributes.editor, '{"doc": "", "labels": {"bold": 1}}');
		const label = Object.assign(document.createElement('label'), { htmlFor: 'broken' });
		host('broken').append(label, textarea);
		await userEvent.click(textarea);
		// The script took it (the attribute goes at once), and left it: the editor is loaded by now.
		expect(textarea.hasAttribute(attributes.editor)).toBe(false);
		await import('./editor');
		await new Promise((resolve) => setTimeout(resolve, 50));
		expect(textarea.isConnected).toBe(true);
		expect(document.querySelectorAll('[role=toolbar]')).toHaveLength(1);
	});
});

it("shows the recorder's buttons where the browser can record", () => {
	const recorder = document.querySelector(selector(attributes.recorder))!;
	const controls = recorder.querySelector<HTMLElement>(selector(attributes.recordControls))!;
	expect(controls.hidden).toBe(false);
});

it("a signed-out page's offline box deletes what was kept on the device", async () => {
	await until(async () => expect(await listDrafts()).toEqual([]));
});

it('reads the controls it shows from the one template on the page', () => {
	const template = document.querySelector('template')!;
	const names = [...template.content.querySelectorAll(selector(attributes.read))].map((e) =>
		e.getAttribute(attributes.read)
	);
	expect(names).toEqual(['pause', 'resume', 'stop', 'no-voice']);
	expect(readControl('stop')).toEqual({ 'data-read': 'stop' });
});
