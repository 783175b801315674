import { offlineDrafts } from '$lib/offline/form';

/**
 * `<form data-offline-drafts data-saved="…" data-not-saved="…">`: offline, what the child wrote is
 * kept on the device, encrypted, and sent when the connection returns. The messages come from the
 * server in the reader's language.
 */
export function keepDrafts(form: HTMLFormElement): void {
	offlineDrafts({
		savedMessage: form.dataset.saved ?? '',
		notSavedMessage: form.dataset.notSaved,
		label: form.dataset.label
	})(form);
}
