import { deleteDraft, listDrafts, markForAttention, type SavedDraft } from './vault';

/**
 * Sends the drafts kept on this device to the form actions they were written for, the way
 * `use:enhance` does (an ActionResult as JSON). Used by pages and by the service worker, so
 * plain fetch and JSON: `$app/forms` is not available in a service worker, and only the
 * result's `type` and `location` matter here.
 */

/** The Background Sync tag, and the name of the lock that lets one sender run at a time. */
export const syncTag = 'waymark-drafts';

/** What the service worker posts to open pages after it has sent drafts: `{ type, sent }`. */
export const sentNotice = 'waymark-drafts-sent';

export type Outcome = 'sent' | 'retry' | 'attention';

export interface SendReport {
	sent: number;
	/** Still on the device: waiting for a connection or a session, or for the child. */
	kept: number;
	/** Of those kept, the ones the server refused (a validation problem): no automatic retry. */
	attention: number;
}

/** Where an action sends someone whose session has ended or is not complete: try again later. */
const signInSteps = ['/sign-in', '/two-factor', '/passphrase', '/account/password'];

function isSignInStep(location: string): boolean {
	const path = new URL(location, 'http://localhost').pathname;
	return signInSteps.some((step) => path === step || path.startsWith(`${step}/`));
}

/** `/me/views` yes; `//elsewhere.example` and `/\elsewhere.example` (both another origin) no. */
export function isLocalPath(action: string): boolean {
	return action.startsWith('/') && action[1] !== '/' && action[1] !== '\\';
}

export async function outcomeOf(response: Response): Promise<Outcome> {
	// A redirect outside the action protocol (`redirect: 'manual'`) comes from a hook, not the action.
	if (response.type === 'opaqueredirect') return 'retry';
	let result: { type?: unknown; location?: unknown } | null = null;
	try {
		result = JSON.parse(await response.text());
	} catch {
		// Not an ActionResult (a proxy's error page, or our 413 page): the status decides.
	}
	if (result?.type === 'success') return 'sent';
	if (result?.type === 'redirect') {
		return typeof result.location === 'string' && isSignInStep(result.location) ? 'retry' : 'sent';
	}
	if (result?.type === 'failure') return 'attention';
	const { status } = response;
	if (status === 401 || status === 403 || status === 408 || status === 429 || status >= 500) {
		return 'retry';
	}
	return status >= 400 ? 'attention' : 'retry';
}

function formDataOf(draft: SavedDraft): FormData {
	const body = new FormData();
	for (const [name, value] of draft.fields) body.append(name, value);
	for (const file of draft.files) {
		body.append(file.name, new File([file.bytes], file.filename, { type: file.type }));
	}
	return body;
}

export async function sendDraft(draft: SavedDraft): Promise<Outcome> {
	if (!isLocalPath(draft.action)) return 'attention';
	let response: Response;
	try {
		response = await fetch(draft.action, {
			method: 'POST',
			body: formDataOf(draft),
			headers: {
				accept: 'application/json',
				'x-sveltekit-action': 'true',
				// Lets the server recognise a draft it already has, if a reply was lost on the way.
				'x-waymark-draft': draft.id
			},
			credentials: 'same-origin',
			cache: 'no-store',
			redirect: 'manual'
		});
	} catch {
		return 'retry';
	}
	return outcomeOf(response);
}

async function sendAll(): Promise<SendReport> {
	const report: SendReport = { sent: 0, kept: 0, attention: 0 };
	let stopped = false;
	for (const draft of await listDrafts()) {
		const outcome = draft.attention ? 'attention' : stopped ? 'retry' : await sendDraft(draft);
		if (outcome === 'sent') {
			await deleteDraft(draft.id);
			report.sent++;
			continue;
		}
		report.kept++;
		if (outcome === 'attention') {
			report.attention++;
			if (!draft.attention) await markForAttention(draft.id);
		}
		// No connection or no session: the rest would fare the same, so they wait too.
		if (outcome === 'retry') stopped = true;
	}
	return report;
}

let running: Promise<SendReport> | null = null;

/** One run at a time: in this page or worker (shared promise), and across tabs and the worker. */
export function sendPending(): Promise<SendReport> {
	running ??= withLock(sendAll).finally(() => {
		running = null;
	});
	return running;
}

async function withLock(work: () => Promise<SendReport>): Promise<SendReport> {
	const locks = (globalThis.navigator as Navigator | undefined)?.locks;
	if (!locks) return work();
	return locks.request(syncTag, { ifAvailable: true }, (lock) =>
		lock ? work() : { sent: 0, kept: 0, attention: 0 }
	);
}
