import { redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad, RequestEvent } from './$types';
import { getDb } from '$lib/server/db';
import { requireChild } from '$lib/server/access';
import { consentOf, recordConsent } from '$lib/server/consent/consent';
import { consentAnswers, consentPurposes } from '$lib/server/db/schema';
import { today } from '$lib/server/dates/day';
import { FormReader } from '$lib/server/validation';
import { answer, checked, isRefused } from '$lib/server/web/actions/answer';
import { guard, readForm, requireStaffActor } from '$lib/server/web/guards';
import { permissionsFor } from '$lib/server/web/permissions';

/** The child's answers about sharing their information, and recording a new one. */
export const load: PageServerLoad = (event) => {
	const actor = requireStaffActor(event.locals);
	const permissions = permissionsFor(event, actor, event.params.childId);
	const consent = guard(() => consentOf(getDb(), permissions));
	const child = permissions.relation.child;
	return {
		childId: child.id,
		name: child.preferredName,
		consent,
		mayRecord: permissions.can.recordConsent,
		saved: event.url.searchParams.has('saved'),
		purposes: consentPurposes,
		answers: consentAnswers,
		defaults: {
			askedBy: actor.postTitle ? `${actor.displayName}, ${actor.postTitle}` : actor.displayName,
			askedOn: today()
		}
	};
};

async function record(event: RequestEvent) {
	const actor = requireStaffActor(event.locals);
	guard(() => requireChild(getDb(), actor, 'recordConsent', event.params.childId));
	const form = new FormReader(await readForm(event.request));
	const input = {
		purpose: form.choice('purpose', consentPurposes, { required: true })!,
		purposeOther: form.text('purposeOther', { max: 200 }) || null,
		answer: form.choice('answer', consentAnswers, { required: true })!,
		reason: form.text('reason', { max: 2000, multiline: true }) || null,
		askedBy: form.text('askedBy', { required: true, max: 200 }),
		askedOn: form.date('askedOn', { required: true })!
	};
	const refused = checked(form);
	if (refused) return refused;
	const result = await answer(form, () =>
		recordConsent(getDb(), actor, event.params.childId, input, event.locals.address)
	);
	if (isRefused(result)) return result;
	redirect(303, `/children/${event.params.childId}/consent?saved#current`);
}

export const actions: Actions = { default: record };
