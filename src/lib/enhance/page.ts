/**
 * The little JavaScript of the pages served without SvelteKit's client (the `csr = false` groups,
 * through page-script.svelte; hydrated pages use Svelte and `use:enhance` instead). It finds what
 * it works on by the data attributes of ./contract.ts, which the components write, through one
 * listener. The build emits it as its own entry (see vite.config.ts).
 * - registers the service worker (offline page, offline drafts);
 * - loads, only on the pages that have them: offline drafts for forms, the voice recorder, the
 *   editor (when a child first touches the box), the offline sync, and the photo shrinker (a
 *   photo is sent at the size the server keeps, not 5 MB over a slow connection);
 * - read-aloud: the device's own voices (Web Speech API), in the text's language, with pause and
 *   stop; where the device has no voice for it, the box says so and offers English;
 * - glossary words: the first tap shows the explanation, the second opens the glossary;
 * - print buttons.
 * Everything here has a way without JavaScript, or is only shown once it can work.
 */
import {
	attributes as a,
	parseReadAloud,
	parseShrinkPhotos,
	read,
	readAloudControlsId,
	selector,
	type ReadControl,
	type ReadState
} from './contract';

navigator.serviceWorker?.register('/service-worker.js').catch(() => {
	// No service worker (private mode, old browser): Waymark works without one.
});

const root = document.documentElement;
const speech = 'speechSynthesis' in window ? window.speechSynthesis : null;
root.classList.add(speech ? 'can-speak' : 'cannot-speak');
if (typeof window.print === 'function') root.classList.add('can-print');

/** Which controls each state shows. */
const shown: Record<ReadState, ReadControl[]> = {
	idle: ['play'],
	speaking: ['pause', 'stop'],
	paused: ['resume', 'stop'],
	'no-voice': ['play', 'no-voice']
};

let speaking: HTMLElement | null = null;

/** The pause, carry on, stop and "no voice" parts, copied from the page's one set on first use. */
function withControls(box: HTMLElement) {
	const template = document.getElementById(readAloudControlsId);
	const stop = selector(a.read, 'stop' satisfies ReadControl);
	if (box.querySelector(stop) || !(template instanceof HTMLTemplateElement)) return;
	const parts = template.content.cloneNode(true) as DocumentFragment;
	const { lang, langName } = said(box);
	for (const text of parts.querySelectorAll(selector(a.noVoice))) {
		text.textContent = (text.textContent ?? '').replace('{language}', langName);
	}
	if (lang.startsWith('en'))
		parts.querySelectorAll(selector(a.tryEnglish)).forEach((e) => e.remove());
	box.append(parts);
}

/** What a box says and in which language; the page's language if the box is unreadable. */
function said(box: HTMLElement) {
	return (
		read(box, a.readAloud, parseReadAloud) ?? { text: '', lang: root.lang, langName: root.lang }
	);
}

function show(box: HTMLElement, state: ReadState) {
	withControls(box);
	box.setAttribute(a.readState, state);
	for (const part of box.querySelectorAll(selector(a.read))) {
		const control = part.getAttribute(a.read) as ReadControl;
		if (part instanceof HTMLElement) part.hidden = !shown[state].includes(control);
	}
}

function voices(): Promise<SpeechSynthesisVoice[]> {
	const now = speech?.getVoices() ?? [];
	if (now.length || !speech) return Promise.resolve(now);
	// Chrome fills the list a moment after the page loads.
	return new Promise((resolve) => {
		const done = () => resolve(speech.getVoices());
		speech.addEventListener('voiceschanged', done, { once: true });
		setTimeout(done, 1500);
	});
}

/** The exact language tag first ("cy-GB"), then the same language anywhere ("cy"). */
async function voiceFor(lang: string) {
	const all = await voices();
	const tag = lang.toLowerCase();
	const of = (v: SpeechSynthesisVoice) => v.lang.toLowerCase().replace('_', '-');
	return (
		all.find((v) => of(v) === tag) ??
		all.find((v) => of(v).split('-')[0] === tag.split('-')[0]) ??
		null
	);
}

async function play(box: HTMLElement) {
	if (!speech) return;
	const { text, lang } = said(box);
	const voice = await voiceFor(lang);
	if (!voice) return show(box, 'no-voice');
	speech.cancel();
	if (speaking && speaking !== box) show(speaking, 'idle');
	const utterance = new SpeechSynthesisUtterance(text);
	utterance.lang = lang;
	utterance.voice = voice;
	utterance.rate = 0.9;
	const end = () => {
		if (speaking === box) {
			speaking = null;
			show(box, 'idle');
		}
	};
	utterance.addEventListener('end', end);
	utterance.addEventListener('error', end);
	speaking = box;
	show(box, 'speaking');
	speech.speak(utterance);
}

document.addEventListener('click', (event) => {
	const target = event.target instanceof Element ? event.target : null;
	const control = target?.closest(selector(a.read));
	const box = control?.closest(selector(a.readAloud));
	if (control && box instanceof HTMLElement && speech) {
		const action = control.getAttribute(a.read) as ReadControl;
		if (action === 'play') play(box);
		if (action === 'pause') (speech.pause(), show(box, 'paused'));
		if (action === 'resume') (speech.resume(), show(box, 'speaking'));
		if (action === 'stop') ((speaking = null), speech.cancel(), show(box, 'idle'));
		return;
	}
	if (target?.closest(selector(a.print))) return window.print();
	// A glossary word: the first tap explains it; the second follows the link to the glossary.
	const term = target?.closest(selector(a.term));
	if (term && target?.closest('a') && !term.classList.contains('open')) {
		event.preventDefault();
		term.classList.add('open');
	}
});

document.addEventListener('focusout', (event) => {
	if (event.target instanceof Element)
		event.target.closest(selector(a.term))?.classList.remove('open');
});

document.addEventListener('keydown', (event) => {
	if (event.key === 'Escape')
		document.querySelector(`${selector(a.term)}.open`)?.classList.remove('open');
});

// Leaving the page stops the voice.
window.addEventListener('pagehide', () => speech?.cancel());

// The writing parts, each loaded only on a page that has it (the service worker keeps them, so
// they load offline too).
for (const form of document.querySelectorAll<HTMLFormElement>(`form${selector(a.offlineDrafts)}`)) {
	void import('./drafts').then(({ keepDrafts }) => keepDrafts(form));
}
for (const box of document.querySelectorAll<HTMLElement>(selector(a.recorder))) {
	void import('./recorder').then(({ recorder }) => recorder(box));
}
for (const input of document.querySelectorAll<HTMLInputElement>(selector(a.shrinkPhotos))) {
	const options = read(input, a.shrinkPhotos, parseShrinkPhotos);
	if (options) void import('./shrink').then(({ shrinkOnChoose }) => shrinkOnChoose(input, options));
}
const sync = document.querySelector<HTMLElement>(selector(a.offlineSync));
if (sync) void import('./sync').then(({ offlineSync }) => offlineSync(sync));

// A child's text box becomes the editor when they first touch it.
document.addEventListener('focusin', (event) => {
	const box = event.target;
	if (box instanceof HTMLTextAreaElement && box.hasAttribute(a.editor)) {
		const json = box.getAttribute(a.editor);
		box.removeAttribute(a.editor);
		void import('./editor').then(({ upgrade }) => upgrade(box, json));
	}
});
