import type { Db } from '../db';
import { organisation, unit, type UnitKind } from '../db/schema';
import * as access from '../access';
import * as accessLog from '../audit/access-log';
import { randomId } from '../crypto/random';

export function createOrganisation(db: Db, name: string, now = new Date()) {
	const row = { id: randomId(), name, createdAt: now };
	db.insert(organisation).values(row).run();
	return row;
}

export function createUnit(
	db: Db,
	actor: access.Actor,
	input: { kind: UnitKind; name: string },
	address: string | null,
	now = new Date()
) {
	access.requireGeneral(actor, 'manageUnits');
	const row = { id: randomId(), organisationId: actor.organisationId, ...input, createdAt: now };
	db.transaction((tx) => {
		tx.insert(unit).values(row).run();
		accessLog.record(tx, { actor: actor, action: 'unit-created', address }, now);
	});
	return row;
}
