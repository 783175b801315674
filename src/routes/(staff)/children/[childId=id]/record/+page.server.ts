import type { PageServerLoad } from './$types';
import { getDb } from '$lib/server/db';
import { entryKinds, natures, visibilities } from '$lib/server/db/schema';
import { chronology } from '$lib/server/read-model/record';
import { guard, requireStaffActor } from '$lib/server/web/guards';
import { permissionsFor } from '$lib/server/web/permissions';

const pick = <T extends string>(value: string | null, allowed: readonly T[]) =>
	allowed.includes(value as T) ? (value as T) : null;

/** The child's whole record as staff see it: earliest first, filtered, a page at a time. */
export const load: PageServerLoad = (event) => {
	const { locals, params, url } = event;
	const actor = requireStaffActor(locals);
	const permissions = permissionsFor(event, actor, params.childId);
	const q = url.searchParams;
	const filters = {
		kind: pick(q.get('kind'), entryKinds),
		nature: pick(q.get('nature'), natures),
		visibility: pick(q.get('visibility'), visibilities),
		authorId: q.get('author') || null
	};
	const page = Number(q.get('page')) || 1;
	const record = guard(() =>
		chronology(getDb(), permissions, { filters, page, address: locals.address })
	);
	return { ...record, filters, query: q.toString() };
};
