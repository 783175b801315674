import { fail, type RequestEvent } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { getDb } from '$lib/server/db';
import { upcomingMeetings } from '$lib/server/space/meetings';
import { codeNotice, unsealPrivate } from '$lib/server/accounts/seal';
import { yourWorkers } from '$lib/server/children/profile';
import { FormReader } from '$lib/server/validation';
import { guard, guardAsync, readForm, requireChildActor } from '$lib/server/web/guards';
import { permissionsFor } from '$lib/server/web/permissions';
import { offersBreak } from '$lib/server/web/view/nav';

export const load: PageServerLoad = (event) => {
	const actor = requireChildActor(event.locals);
	const db = getDb();
	const own = actor.childId ? permissionsFor(event, actor, actor.childId).relation : null;
	const next = own ? guard(() => upcomingMeetings(db, actor, own))[0] : undefined;
	return {
		name: actor.displayName,
		careLeaver: actor.role === 'care_leaver',
		// The day they moved on: what changes and what stays is said on their home page.
		leftCareOn: own?.child.leftCareOn ?? null,
		calm: offersBreak(actor, event.locals.user),
		// What is coming up first: the child is invited to get ready for it.
		next: next ? { id: next.id, kind: next.kind, title: next.title, date: next.date } : null,
		// Someone signed in with a sign-in code lately: the child is told, and may unseal.
		codes: guard(() => codeNotice(db, actor)),
		// Who is assigned to them: a new name stands out.
		workers: own ? guard(() => yourWorkers(db, actor, own)) : []
	};
};

/** "If it was you, type your old passphrase": the "just me" things come back at once. */
async function unseal(event: RequestEvent) {
	const actor = requireChildActor(event.locals);
	const form = new FormReader(await readForm(event.request));
	const old = form.secret('old', { required: true, max: 1024 });
	if (!form.ok) return fail(400, { unseal: form.problems.old ?? 'form.invalid' });
	const result = await guardAsync(() => unsealPrivate(getDb(), actor, old, event.locals.address));
	if (result === 'unsealed') return { unsealed: true };
	if (result === 'throttled') return fail(429, { unseal: 'codeUse.throttled' });
	return fail(400, { unseal: 'codeUse.wrong' });
}

export const actions: Actions = { unseal };
