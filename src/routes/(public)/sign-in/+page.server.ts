import { fail, redirect, type RequestEvent } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { getDb } from '$lib/server/db';
import { signInWithPassword } from '$lib/server/auth/sign-in';
import { answerSignIn, endCurrentSession, signInContext } from '$lib/server/web/actions/sign-in';
import { FormReader } from '$lib/server/validation';
import { readForm } from '$lib/server/web/guards';

export const load: PageServerLoad = ({ locals, url }) => {
	if (locals.actor) redirect(303, '/');
	return { signedOut: url.searchParams.has('signed-out') };
};

async function signIn(event: RequestEvent) {
	const form = new FormReader(await readForm(event.request));
	const username = form.text('username', { required: true, max: 100 });
	const password = form.secret('password', { required: true, max: 1024 });
	if (!form.ok) return fail(400, { username, problems: form.problems });
	endCurrentSession(event);
	const result = await signInWithPassword(getDb(), {
		username,
		password,
		...signInContext(event)
	});
	return answerSignIn(event, result, username);
}

export const actions: Actions = { default: signIn };
