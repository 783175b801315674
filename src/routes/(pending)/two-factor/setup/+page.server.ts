import { fail, redirect, type Cookies, type RequestEvent } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { getDb } from '$lib/server/db';
import { enrolTotp, enrolment, generateTotpKey } from '$lib/server/auth/totp';
import { seal, unseal } from '$lib/server/crypto/secret';
import { FormReader } from '$lib/server/validation';
import { readForm } from '$lib/server/web/guards';
import {
	completeSecondFactor,
	enrolmentCookie as pendingCookie,
	requireSecondFactorDue
} from '$lib/server/web/actions/two-factor';

const purpose = 'totp-enrolment';

/** The key being enrolled stays the same across a wrong code, sealed in a short-lived cookie. */
function pendingKey(cookies: Cookies, url: URL): Uint8Array {
	const sealed = cookies.get(pendingCookie);
	if (sealed) {
		try {
			return unseal(sealed, purpose);
		} catch {
			// A stale or altered cookie: start again with a new key.
		}
	}
	const key = generateTotpKey();
	cookies.set(pendingCookie, seal(key, purpose), {
		path: '/two-factor',
		httpOnly: true,
		sameSite: 'strict',
		secure: url.protocol === 'https:',
		maxAge: 30 * 60
	});
	return key;
}

export const load: PageServerLoad = ({ locals, cookies, url }) => {
	const { user } = requireSecondFactorDue(locals);
	if (user.hasTotp) redirect(303, '/two-factor');
	const { keyText, qrSvg } = enrolment(pendingKey(cookies, url), user.username);
	return { keyText, qr: `data:image/svg+xml;base64,${Buffer.from(qrSvg).toString('base64')}` };
};

async function enrol(event: RequestEvent) {
	const { user } = requireSecondFactorDue(event.locals);
	if (user.hasTotp) redirect(303, '/two-factor');
	const form = new FormReader(await readForm(event.request));
	const code = form.secret('code', { required: true, max: 20 });
	if (!form.ok) return fail(400, { problems: form.problems });
	const key = pendingKey(event.cookies, event.url);
	const result = completeSecondFactor(
		event,
		() => enrolTotp(getDb(), user.id, key, code),
		'two-factor-enrolled'
	);
	if (!result.ok) {
		return fail(result.throttled ? 429 : 400, {
			message: result.throttled ? 'twoFactor.throttled' : 'twoFactor.wrongCode'
		});
	}
	event.cookies.delete(pendingCookie, { path: '/two-factor' });
	redirect(303, '/');
}

export const actions: Actions = { default: enrol };
