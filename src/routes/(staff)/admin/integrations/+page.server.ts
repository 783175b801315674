import { fail, type RequestEvent } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { getDb } from '$lib/server/db';
import { requireGeneral } from '$lib/server/access';
import {
	createIntegrationToken,
	listIntegrationTokens,
	revokeIntegrationToken,
	tokenLifetimes
} from '$lib/server/integrations/tokens';
import { FormReader } from '$lib/server/validation';
import { guard, readForm, requireStaffActor } from '$lib/server/web/guards';

const admin = (locals: App.Locals) =>
	guard(() => requireGeneral(requireStaffActor(locals), 'manageIntegrations'));

export const load: PageServerLoad = ({ locals }) => {
	const actor = admin(locals);
	return {
		tokens: listIntegrationTokens(getDb(), actor),
		lifetimes: tokenLifetimes,
		now: new Date()
	};
};

/** The new token is in this answer only: never in the page's data, never stored in plain. */
async function create(event: RequestEvent) {
	const actor = admin(event.locals);
	const form = new FormReader(await readForm(event.request));
	const name = form.text('name', { required: true, max: 120 });
	const days = form.choice('lifetime', tokenLifetimes.map(String)) ?? '365';
	if (!form.ok) return fail(400, { values: form.values, problems: form.problems });
	const { token, expiresAt } = createIntegrationToken(
		getDb(),
		actor,
		name,
		event.locals.address,
		new Date(),
		Number(days) as (typeof tokenLifetimes)[number]
	);
	return { created: { name, token, expiresAt } };
}

async function revoke(event: RequestEvent) {
	const actor = admin(event.locals);
	const form = new FormReader(await readForm(event.request));
	const tokenId = form.text('tokenId', { required: true, max: 64 });
	if (!form.ok) return fail(400, { problems: form.problems });
	guard(() => revokeIntegrationToken(getDb(), actor, tokenId, event.locals.address));
	return { revoked: true };
}

export const actions: Actions = { create, revoke };
