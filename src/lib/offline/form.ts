import type { Attachment } from 'svelte/attachments';
import { deleteDraft, saveDraft, type Draft, type DraftFile, type SavedDraft } from './vault';
import { isLocalPath } from './send';
import { attributes, selector } from '$lib/enhance/contract';

/**
 * Lets a form keep what was written on the device when it cannot be sent. Online, the form is
 * left alone (a normal post); offline, the submission is kept, encrypted, and
 * the offline sync sends it when the connection returns.
 */

export interface OfflineDraftOptions {
	/** "Saved on this device. It will be sent when you're online." */
	savedMessage: string;
	/** Shown if the device could not keep it (no storage): the words stay in the form. */
	notSavedMessage?: string;
	label?: string;
}

/** Dispatched on `window` after a draft is kept, so the offline sync can ask for Background Sync. */
export const draftSavedEvent = 'waymark:draft-saved';

/** Pressing send again while offline replaces this form's draft rather than adding a second. */
const draftIds = new WeakMap<HTMLFormElement, string>();

type Submitter = HTMLButtonElement | HTMLInputElement;

function isSubmitter(element: HTMLElement | null): element is Submitter {
	return element instanceof HTMLButtonElement || element instanceof HTMLInputElement;
}

/** A shallow clone reads `method` and `action` even when a field is named "action". */
function attribute(
	form: HTMLFormElement,
	submitter: HTMLElement | null,
	name: 'method' | 'action'
) {
	if (isSubmitter(submitter) && submitter.hasAttribute(`form${name}`)) {
		return name === 'method' ? submitter.formMethod : submitter.formAction;
	}
	const clone = HTMLElement.prototype.cloneNode.call(form) as HTMLFormElement;
	return clone[name];
}

function localAction(url: URL | string): string | null {
	const action = new URL(url, location.href);
	if (action.origin !== location.origin) return null;
	const path = action.pathname + action.search;
	return isLocalPath(path) ? path : null;
}

function formDataOf(form: HTMLFormElement, submitter: HTMLElement | null): FormData {
	const data = new FormData(form, submitter);
	// Browsers from before 2023 ignore the submitter: add its name and value (say, intent=send).
	if (isSubmitter(submitter) && submitter.name && !data.has(submitter.name)) {
		data.append(submitter.name, submitter.value);
	}
	return data;
}

async function draftOf(data: FormData, action: string, label?: string): Promise<Draft> {
	const fields: [string, string][] = [];
	const files: DraftFile[] = [];
	for (const [name, value] of data) {
		if (typeof value === 'string') fields.push([name, value]);
		else if (value.size > 0) {
			const bytes = await value.arrayBuffer();
			files.push({ name, type: value.type, filename: value.name, bytes });
		}
	}
	return { action, fields, files, label };
}

function statusOf(form: HTMLFormElement): HTMLElement {
	let status = form.querySelector<HTMLElement>(`:scope > ${selector(attributes.offlineStatus)}`);
	if (!status) {
		status = document.createElement('p');
		status.setAttribute(attributes.offlineStatus, '');
		status.setAttribute('role', 'status');
		status.setAttribute('aria-live', 'polite');
		form.append(status);
	}
	return status;
}

function say(status: HTMLElement, message: string) {
	status.textContent = message;
	status.className = message ? 'notice' : '';
}

async function keep(
	form: HTMLFormElement,
	data: FormData,
	action: string | null,
	options: OfflineDraftOptions
): Promise<void> {
	const status = statusOf(form);
	// Emptied first, so saying the same words again is announced again.
	say(status, '');
	try {
		if (!action) throw new Error('Not one of our actions');
		const id = await saveDraft(await draftOf(data, action, options.label), draftIds.get(form));
		draftIds.set(form, id);
		say(status, options.savedMessage);
		window.dispatchEvent(new CustomEvent(draftSavedEvent));
	} catch {
		say(status, options.notSavedMessage ?? '');
	}
}

/**
 * `offlineDrafts({ savedMessage })(form)`, from the page script for a form marked `offlineDrafts`
 * (`$lib/enhance/drafts.ts`), or as `{@attach}` on a hydrated page. Listens in the capture phase,
 * so it runs before `use:enhance` and stops it when offline.
 */
export function offlineDrafts(options: OfflineDraftOptions): Attachment<HTMLFormElement> {
	return (form) => {
		const status = statusOf(form);
		function onSubmit(event: SubmitEvent) {
			if (navigator.onLine !== false || event.defaultPrevented) return;
			if (attribute(form, event.submitter, 'method') !== 'post') return;
			event.preventDefault();
			event.stopImmediatePropagation();
			const data = formDataOf(form, event.submitter);
			void keep(form, data, localAction(attribute(form, event.submitter, 'action')), options);
		}
		form.addEventListener('submit', onSubmit, { capture: true });
		return () => {
			form.removeEventListener('submit', onSubmit, { capture: true });
			status.remove();
		};
	};
}

/**
 * Posts a draft the server refused as an ordinary form, so its page shows the child's words
 * with what needs changing. Photos and recordings go too where the browser allows it.
 */
export async function reopenDraft(draft: SavedDraft): Promise<void> {
	if (!isLocalPath(draft.action)) return;
	const form = document.createElement('form');
	form.method = 'post';
	form.enctype = 'multipart/form-data';
	form.action = draft.action;
	form.hidden = true;
	for (const [name, value] of draft.fields) {
		const input = Object.assign(document.createElement('input'), { type: 'hidden', name, value });
		form.append(input);
	}
	for (const file of draft.files) {
		try {
			const input = Object.assign(document.createElement('input'), {
				type: 'file',
				name: file.name
			});
			const transfer = new DataTransfer();
			transfer.items.add(new File([file.bytes], file.filename, { type: file.type }));
			input.files = transfer.files;
			form.append(input);
		} catch {
			// No DataTransfer (older Safari): the words still go.
		}
	}
	document.body.append(form);
	// The words are in the form now; the page it lands on holds them if they need changing.
	await deleteDraft(draft.id);
	form.submit();
}
