import { sendPending, sentNotice, syncTag } from '$lib/offline/send';
import { listDrafts, wipe } from '$lib/offline/vault';
import { draftSavedEvent, reopenDraft } from '$lib/offline/form';
import { attributes, parseOfflineSync, read, selector, type OfflineSync } from './contract';

/**
 * Sends what was kept on this device (the box `offlineSyncBox(…)` draws in offline-sync.svelte): when a page
 * opens, when the connection returns, and (where the browser has Background Sync) from the
 * service worker even with no page open. Signed out, it deletes the drafts: they must not outlive
 * the session. What it says comes from the server in the reader's language.
 */

interface SyncManager {
	register(tag: string): Promise<void>;
}

let sent = 0;
let attention = 0;
let shownIn: HTMLElement | null = null;

/**
 * The box on the page now (a hydrated page draws a new one on each navigation). "Sent" is news
 * for the page it happened on, not for every page after: a new box starts from nothing sent.
 */
function box(): HTMLElement | null {
	const here = document.querySelector<HTMLElement>(selector(attributes.offlineSync));
	if (here !== shownIn) {
		sent = 0;
		shownIn = here;
	}
	return here;
}

/** What the box says, in the reader's language. */
function words(here: HTMLElement | null): OfflineSync | null {
	return read(here, attributes.offlineSync, parseOfflineSync);
}

function render() {
	const here = box();
	const say = words(here);
	if (!here || !say) return;
	const notices: Node[] = [];
	const notice = (text: string) =>
		Object.assign(document.createElement('p'), { className: 'notice', textContent: text });
	if (sent > 0) notices.push(notice(say.sent));
	if (attention > 0) notices.push(notice(say.attention));
	if (attention > 0 && say.openLabel) {
		const open = Object.assign(document.createElement('button'), {
			type: 'button',
			className: 'button secondary small',
			textContent: say.openLabel
		});
		open.addEventListener('click', reopen);
		const line = document.createElement('p');
		line.append(open);
		notices.push(line);
	}
	here.replaceChildren(...notices);
}

async function sync() {
	try {
		const report = await sendPending();
		box();
		sent += report.sent;
		attention = report.attention;
	} catch {
		// No IndexedDB (some private modes): nothing was kept, so nothing is lost.
	}
	render();
}

async function askForBackgroundSync() {
	try {
		const registration = await navigator.serviceWorker?.getRegistration();
		const manager = (registration as { sync?: SyncManager } | undefined)?.sync;
		await manager?.register(syncTag);
	} catch {
		// Refused or unsupported: the online event and the next page still send it.
	}
}

function onWorkerMessage(event: MessageEvent) {
	if (event.data?.type !== sentNotice) return;
	box();
	sent += Number(event.data.sent) || 0;
	render();
}

async function reopen() {
	if (navigator.onLine === false) return;
	const draft = (await listDrafts()).find((d) => d.attention);
	if (draft) await reopenDraft(draft);
}

export function offlineSync(here: HTMLElement): void {
	const say = words(here);
	// A box that cannot be read says nothing about the session: the drafts stay.
	if (!say) return;
	if (!say.signedIn) {
		wipe().catch(() => {});
		return;
	}
	void sync();
	window.addEventListener('online', sync);
	window.addEventListener(draftSavedEvent, askForBackgroundSync);
	navigator.serviceWorker?.addEventListener('message', onWorkerMessage);
}
