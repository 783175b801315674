import type { RequestEvent } from '@sveltejs/kit';
import * as access from '../access';
import { getDb } from '../db';
import { guard } from './guards';

type Asking = Pick<RequestEvent, 'locals' | 'request'>;

/**
 * The actor's permissions on a child (null: the child's own record they do not have), asked once
 * per page: every later question in the same load is answered from `locals.permissions`. An
 * action asks afresh, since what it changes may change the answer the page then shows.
 */
export function permissionsFor(
	event: Asking,
	actor: access.Actor,
	childId: string | null
): access.Permissions {
	return guard(() => {
		if (!childId) throw new access.AccessDenied();
		return access.permissionsOn(getDb(), actor, childId, new Date(), permissionCache(event));
	});
}

/** The request's cache of answers for domain code that finds the child itself; none in actions. */
export function permissionCache(event: Asking): access.PermissionCache | undefined {
	const reading = event.request.method === 'GET' || event.request.method === 'HEAD';
	return reading ? event.locals.permissions : undefined;
}

/** The relation checked for one action, or 403/404: what an action passes on to domain code. */
export function requireFor<A extends access.ChildAction>(
	event: Asking,
	actor: access.Actor,
	childId: string | null,
	action: A
): access.Checked<A> {
	const permissions = permissionsFor(event, actor, childId);
	return guard(() => permissions.require(action));
}
