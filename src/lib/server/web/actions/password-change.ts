import { redirect, type RequestEvent } from '@sveltejs/kit';
import { getDb } from '../../db';
import { changePassword } from '../../accounts/password';
import { answer, refused } from './answer';
import { setSessionCookie } from '../../auth/cookie';
import type { SessionUser } from '../../auth/session';
import { FormReader } from '../../validation';
import { readForm } from '../guards';

/** The action behind both "change my password" and "choose my passphrase". */
export async function submitNewPassword(
	event: RequestEvent,
	person: SessionUser,
	options: { askCurrent: boolean; afterSignInCode?: boolean }
) {
	const form = new FormReader(await readForm(event.request));
	const current = options.askCurrent ? form.secret('current', { required: true, max: 1024 }) : null;
	const next = form.secret('next', { required: true, max: 1024 });
	const confirm = form.secret('confirm', { required: true, max: 1024 });
	if (!form.ok) return refused(form, form.problems);
	return answer(
		form,
		async () => {
			const { token } = await changePassword(
				getDb(),
				person,
				{ current, next, confirm, afterSignInCode: options.afterSignInCode },
				event.locals.address
			);
			setSessionCookie(event.cookies, event.url, token);
			redirect(303, '/');
		},
		{ field: 'next' }
	);
}
