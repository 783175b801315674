import type { RequestEvent } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { getDb } from '$lib/server/db';
import { accountDetails, resetTwoFactor, setAccountStatus } from '$lib/server/accounts/manage';
import { guard, requireStaffActor } from '$lib/server/web/guards';

export const load: PageServerLoad = ({ locals, params }) => {
	const actor = requireStaffActor(locals);
	return guard(() => accountDetails(getDb(), actor, params.userId));
};

function statusAction(status: 'active' | 'disabled') {
	return (event: RequestEvent<{ userId: string }>) => {
		const actor = requireStaffActor(event.locals);
		guard(() =>
			setAccountStatus(getDb(), actor, event.params.userId, status, event.locals.address)
		);
		return { done: status === 'active' ? 'enabled' : 'disabled' };
	};
}

function resetSecondFactor(event: RequestEvent<{ userId: string }>) {
	const actor = requireStaffActor(event.locals);
	guard(() => resetTwoFactor(getDb(), actor, event.params.userId, event.locals.address));
	return { done: 'twoFactorReset' };
}

export const actions: Actions = {
	disable: statusAction('disabled'),
	enable: statusAction('active'),
	resetTwoFactor: resetSecondFactor
};
