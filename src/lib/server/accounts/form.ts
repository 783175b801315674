import { rolesCreatableBy, type Actor } from '../access';
import { FormReader, usernamePattern } from '../validation';
import type { NewAccount } from './manage';

/** The new-account form, read and checked; null while it has problems (they are on the form). */
export function readAccountForm(form: FormReader, actor: Actor): NewAccount | null {
	const role = form.choice('role', rolesCreatableBy(actor), { required: true });
	const username = form
		.text('username', { required: true, pattern: usernamePattern })
		.toLowerCase();
	const displayName = form.text('displayName', { required: true, max: 120 });
	const postTitle = form.text('postTitle', { max: 120 }) || null;
	const legalName = form.text('legalName', { max: 200 }) || null;
	const unitId = form.text('unitId', { max: 64 }) || null;
	if (!form.ok || !role) return null;
	return { role, username, displayName, postTitle, unitId, teamId: null, legalName };
}
