import type { Role } from '../db/schema';
import { sealAt, type PrivateSeal } from './seal';

/** Who is asking: the signed-in person, as the access policy sees them. */
export type Actor = {
	id: string;
	role: Role;
	organisationId: string;
	unitId: string | null;
	/** The child profile of a child or care leaver; null for everyone else. */
	childId: string | null;
	displayName: string;
	postTitle: string | null;
	/** After a one-time code: the child's private things hidden from this account for now. */
	privateSeal: PrivateSeal | null;
};

export class AccessDenied extends Error {
	constructor(public readonly reason: 'forbidden' | 'not-found' = 'forbidden') {
		super(reason);
	}
}

export type ActorSource = {
	id: string;
	role: Role;
	organisationId: string;
	unitId: string | null;
	displayName: string;
	postTitle: string | null;
	privateSealedUntil?: Date | null;
};

/** The actor for a person and, for a child or care leaver, their own record. */
export function actorFrom(person: ActorSource, childId: string | null, now = new Date()): Actor {
	return {
		id: person.id,
		role: person.role,
		organisationId: person.organisationId,
		unitId: person.unitId,
		childId,
		displayName: person.displayName,
		postTitle: person.postTitle,
		privateSeal: sealAt(person.privateSealedUntil, now)
	};
}
