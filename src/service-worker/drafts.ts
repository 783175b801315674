/// <reference lib="webworker" />
import { sendPending, sentNotice, syncTag } from '$lib/offline/send';

declare const self: ServiceWorkerGlobalScope;

/** Background Sync (Chromium): not in TypeScript's lib yet. */
export interface SyncEvent extends ExtendableEvent {
	readonly tag: string;
	readonly lastChance: boolean;
}

/**
 * Sends the drafts a child kept while offline, once the browser sees a connection again, even
 * with no Waymark page open. Failing the event while some wait for a connection or a session
 * lets the browser try again later; drafts the server refused wait for the child instead.
 */
export function onSync(event: SyncEvent): void {
	if (event.tag !== syncTag) return;
	event.waitUntil(sendAndTell());
}

async function sendAndTell(): Promise<void> {
	const report = await sendPending();
	if (report.sent > 0) {
		for (const client of await self.clients.matchAll({ type: 'window' })) {
			client.postMessage({ type: sentNotice, sent: report.sent });
		}
	}
	if (report.kept > report.attention) throw new Error('Some drafts are still waiting');
}
