import { offlineDrafts } from '$lib/offline/form';
import { attributes, parseOfflineSync, read, selector } from './contract';

/**
 * A form marked `offlineDrafts`: offline, what the child wrote is kept on the device, encrypted,
 * and sent when the connection returns. What it says comes from the page's offline box
 * (offline-sync.svelte), in the reader's language.
 */
export function keepDrafts(form: HTMLFormElement): void {
	const box = document.querySelector(selector(attributes.offlineSync));
	const say = read(box, attributes.offlineSync, parseOfflineSync);
	offlineDrafts({ savedMessage: say?.saved ?? '', notSavedMessage: say?.notSaved })(form);
}
