import { error, redirect } from '@sveltejs/kit';
import type { Actor } from '../access';
import { AccessDenied } from '../access/actor';
import { isChildRole, isStaffRole } from '../access/roles';
import { AccountError } from '../accounts/errors';

type SignedInLocals = Pick<App.Locals, 'user' | 'session' | 'actor'>;

/** Where someone part-way through signing in must go next, if anywhere. */
export function pendingStep(locals: SignedInLocals): string | null {
	const { user, session } = locals;
	if (!user || !session) return '/sign-in';
	if (isStaffRole(user.role) && !session.twoFactorVerified) {
		return user.hasTotp ? '/two-factor' : '/two-factor/setup';
	}
	// After a one-time code, a new passphrase comes before anything else (even for an account
	// that has one): whoever used the code cannot read on unnoticed.
	if (!user.hasPassword || session.viaSignInCode) return '/passphrase';
	if (user.mustChangePassword) return '/account/password';
	return null;
}

/** Signed in, every step done; otherwise off to the step that is missing. */
export function requireActor(locals: SignedInLocals): Actor {
	if (locals.actor) return locals.actor;
	redirect(303, pendingStep(locals) ?? '/sign-in');
}

export function requireChildActor(locals: SignedInLocals): Actor {
	const actor = requireActor(locals);
	if (!isChildRole(actor.role)) error(403, 'error.status403');
	return actor;
}

export function requireStaffActor(locals: SignedInLocals): Actor {
	const actor = requireActor(locals);
	if (!isStaffRole(actor.role)) error(403, 'error.status403');
	return actor;
}

function refusal(e: unknown): never {
	if (e instanceof AccessDenied) {
		const status = e.reason === 'not-found' ? 404 : 403;
		error(status, `error.status${status}`);
	}
	throw e;
}

/** Runs domain code, turning a refusal from the access policy into 403 (or 404). */
export function guard<T>(work: () => T): T {
	try {
		return work();
	} catch (e) {
		refusal(e);
	}
}

export async function guardAsync<T>(work: () => Promise<T>): Promise<T> {
	try {
		return await work();
	} catch (e) {
		refusal(e);
	}
}

/** The form of a request, or a clear 4xx: malformed bodies never reach domain code. */
export async function readForm(request: Request): Promise<FormData> {
	try {
		return await request.formData();
	} catch (e) {
		const status = (e as { status?: number }).status;
		if (status === 413) error(413, 'error.status413');
		error(400, 'error.status400');
	}
}

export function isAccountError(e: unknown): e is AccountError {
	return e instanceof AccountError;
}

/** Only a path on this site: never somewhere else (`//evil.example`, `https://...`). */
export function safeReturn(value: FormDataEntryValue | null): string {
	return typeof value === 'string' && /^\/(?![/\\])/.test(value) ? value : '/';
}
