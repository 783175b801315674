/**
 * The little JavaScript every page gets, hydrated or not: it finds what it works on by data
 * attributes, through one listener, so it also serves pages SvelteKit draws later. The build emits
 * it as its own entry (see vite.config.ts), so pages without SvelteKit's client still get it.
 * - registers the service worker (offline page, offline drafts);
 * - loads, only on the pages that have them: offline drafts for forms, the voice recorder, the
 *   editor (when a child first touches the box) and the offline sync;
 * - read-aloud: the device's own voices (Web Speech API), in the text's language, with pause and
 *   stop; where the device has no voice for it, the box says so and offers English;
 * - glossary words: the first tap shows the explanation, the second opens the glossary;
 * - print buttons.
 * Everything here has a way without JavaScript, or is only shown once it can work.
 */
navigator.serviceWorker?.register('/service-worker.js').catch(() => {
	// No service worker (private mode, old browser): Waymark works without one.
});

const root = document.documentElement;
const speech = 'speechSynthesis' in window ? window.speechSynthesis : null;
root.classList.add(speech ? 'can-speak' : 'cannot-speak');
if (typeof window.print === 'function') root.classList.add('can-print');

/** Which controls each state shows. */
const shown: Record<string, string[]> = {
	idle: ['play'],
	speaking: ['pause', 'stop'],
	paused: ['resume', 'stop'],
	'no-voice': ['play', 'no-voice']
};

let speaking: HTMLElement | null = null;

/** The pause, carry on, stop and "no voice" parts, copied from the page's one set on first use. */
function withControls(box: HTMLElement) {
	const template = document.getElementById('read-aloud-controls');
	if (box.querySelector('[data-read=stop]') || !(template instanceof HTMLTemplateElement)) return;
	const parts = template.content.cloneNode(true) as DocumentFragment;
	const lang = box.dataset.lang ?? root.lang;
	for (const text of parts.querySelectorAll('[data-no-voice]')) {
		text.textContent = (text.textContent ?? '').replace('{language}', box.dataset.langName ?? lang);
	}
	if (lang.startsWith('en'))
		parts.querySelectorAll('[data-try-english]').forEach((e) => e.remove());
	box.append(parts);
}

function show(box: HTMLElement, state: string) {
	withControls(box);
	box.dataset.state = state;
	for (const part of box.querySelectorAll('[data-read]')) {
		if (part instanceof HTMLElement) part.hidden = !shown[state]?.includes(part.dataset.read ?? '');
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
	const lang = box.dataset.lang ?? root.lang;
	const voice = await voiceFor(lang);
	if (!voice) return show(box, 'no-voice');
	speech.cancel();
	if (speaking && speaking !== box) show(speaking, 'idle');
	const utterance = new SpeechSynthesisUtterance(box.dataset.text ?? '');
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
	const control = target?.closest('[data-read]');
	const box = control?.closest('.read-aloud');
	if (control instanceof HTMLElement && box instanceof HTMLElement && speech) {
		const action = control.dataset.read;
		if (action === 'play') play(box);
		if (action === 'pause') (speech.pause(), show(box, 'paused'));
		if (action === 'resume') (speech.resume(), show(box, 'speaking'));
		if (action === 'stop') ((speaking = null), speech.cancel(), show(box, 'idle'));
		return;
	}
	if (target?.closest('[data-print]')) return window.print();
	// A glossary word: the first tap explains it; the second follows the link to the glossary.
	const term = target?.closest('.term');
	if (term && target?.closest('a') && !term.classList.contains('open')) {
		event.preventDefault();
		term.classList.add('open');
	}
});

document.addEventListener('focusout', (event) => {
	if (event.target instanceof Element) event.target.closest('.term')?.classList.remove('open');
});

document.addEventListener('keydown', (event) => {
	if (event.key === 'Escape') document.querySelector('.term.open')?.classList.remove('open');
});

// Leaving the page stops the voice.
window.addEventListener('pagehide', () => speech?.cancel());

// The writing parts, each loaded only on a page that has it (the service worker keeps them, so
// they load offline too).
for (const form of document.querySelectorAll<HTMLFormElement>('form[data-offline-drafts]')) {
	void import('./drafts').then(({ keepDrafts }) => keepDrafts(form));
}
for (const box of document.querySelectorAll<HTMLElement>('[data-recorder]')) {
	void import('./recorder').then(({ recorder }) => recorder(box));
}
const sync = document.querySelector<HTMLElement>('[data-offline-sync]');
if (sync) void import('./sync').then(({ offlineSync }) => offlineSync(sync));

// A child's text box becomes the editor when they first touch it.
document.addEventListener('focusin', (event) => {
	const box = event.target;
	if (box instanceof HTMLTextAreaElement && box.dataset.editor) {
		const small = box.dataset.editor === 'small';
		delete box.dataset.editor;
		void import('./editor').then(({ upgrade }) => upgrade(box, small));
	}
});
