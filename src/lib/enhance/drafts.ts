import { offlineDrafts } from '$lib/offline/form';

/**
 * `<form data-offline-drafts>`: offline, what the child wrote is kept on the device, encrypted, and
 * sent when the connection returns. What it says comes from the page's offline box
 * (offline-sync.svelte), in the reader's language.
 */
export function keepDrafts(form: HTMLFormElement): void {
	const say = document.querySelector<HTMLElement>('[data-offline-sync]')?.dataset ?? {};
	offlineDrafts({ savedMessage: say.saved ?? '', notSavedMessage: say.notSaved })(form);
}
