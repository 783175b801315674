import { fail, redirect, type RequestEvent } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { getDb } from '$lib/server/db';
import { signInWithCode } from '$lib/server/auth/sign-in';
import { FormReader } from '$lib/server/validation';
import { readForm } from '$lib/server/web/guards';
import { answerSignIn, endCurrentSession, signInContext } from '$lib/server/web/actions/sign-in';

export const load: PageServerLoad = ({ locals }) => {
	if (locals.actor) redirect(303, '/');
};

async function signInByCode(event: RequestEvent) {
	const form = new FormReader(await readForm(event.request));
	const username = form.text('username', { required: true, max: 100 });
	const code = form.secret('code', { required: true, max: 64 });
	if (!form.ok) return fail(400, { username, problems: form.problems });
	endCurrentSession(event);
	const result = await signInWithCode(getDb(), { username, code, ...signInContext(event) });
	return answerSignIn(event, result, username);
}

export const actions: Actions = { default: signInByCode };
