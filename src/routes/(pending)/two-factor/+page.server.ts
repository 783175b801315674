import { fail, redirect, type RequestEvent } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { getDb } from '$lib/server/db';
import { verifyTotp } from '$lib/server/auth/totp';
import { FormReader } from '$lib/server/validation';
import { readForm } from '$lib/server/web/guards';
import { completeSecondFactor, requireSecondFactorDue } from '$lib/server/web/actions/two-factor';

export const load: PageServerLoad = ({ locals }) => {
	const { user } = requireSecondFactorDue(locals);
	if (!user.hasTotp) redirect(303, '/two-factor/setup');
};

async function verify(event: RequestEvent) {
	const { user } = requireSecondFactorDue(event.locals);
	const form = new FormReader(await readForm(event.request));
	const code = form.secret('code', { required: true, max: 20 });
	if (!form.ok) return fail(400, { problems: form.problems });
	const result = completeSecondFactor(event, () => verifyTotp(getDb(), user.id, code), null);
	if (!result.ok) {
		return fail(result.throttled ? 429 : 400, {
			message: result.throttled ? 'twoFactor.throttled' : 'twoFactor.wrongCode'
		});
	}
	redirect(303, '/');
}

export const actions: Actions = { default: verify };
