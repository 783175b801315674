import { and, asc, eq, notInArray, sql } from 'drizzle-orm';
import type { Db } from '../db';
import { entry } from '../db/schema';
import * as access from '../access';
import { cardsFor } from './cards';
import { attachedKinds, yearsOf } from './pages';
import { ageAt } from './story';
import { isCalm, keepReadingPlace, readingPlaceOf } from '../space/calm';
import { yourWorkers } from '../children/profile';
import { today } from '../dates/day';

/**
 * The record by chapters, for reading at one's own pace: one chapter a year, earliest first, with
 * how old the person was. Opening a chapter keeps it as where they stopped.
 */

function ownRecord(db: Db, actor: access.Actor, now: Date) {
	if (!actor.childId) throw new access.AccessDenied();
	const relation = access.requireChild(db, actor, 'viewRecord', actor.childId, now);
	const where = and(
		access.entryScope(actor, relation),
		eq(entry.status, 'final'),
		notInArray(entry.kind, [...attachedKinds])
	);
	return { relation, where };
}

export function chaptersOf(db: Db, actor: access.Actor, now = new Date()) {
	const { relation, where } = ownRecord(db, actor, now);
	const { years } = yearsOf(db, where, 1000);
	const birth = relation.child.dateOfBirth;
	return {
		chapters: years.map(({ year }) => ({ year, age: ageAt(birth, year) })),
		stoppedAt: readingPlaceOf(db, actor)
	};
}

export function chapterOf(
	db: Db,
	actor: access.Actor,
	year: string,
	locale: string,
	now = new Date()
) {
	const { relation, where } = ownRecord(db, actor, now);
	const { years } = yearsOf(db, where, 1000);
	const at = years.findIndex((y) => y.year === year);
	if (at < 0) throw new access.AccessDenied('not-found');
	const rows = db
		.select()
		.from(entry)
		.where(and(where, sql`substr(${entry.eventSort}, 1, 4) = ${year}`))
		.orderBy(asc(entry.eventSort), asc(entry.recordedAt), asc(entry.id))
		.all();
	keepReadingPlace(db, actor, year, now);
	return {
		year,
		age: ageAt(relation.child.dateOfBirth, year),
		entries: cardsFor(db, actor, relation, rows, locale),
		previous: years[at - 1]?.year ?? null,
		next: years[at + 1]?.year ?? null
	};
}

/**
 * "Take a break": the people to talk to. Their own workers (a care leaver's personal adviser
 * first), and helplines by age: Childline under 19, Samaritans from 18 (both when the age is not
 * known), Become for anyone in or leaving care.
 */
export function breakFor(db: Db, actor: access.Actor, now = new Date()) {
	if (!actor.childId) throw new access.AccessDenied();
	const relation = access.requireChild(db, actor, 'viewRecord', actor.childId, now);
	const age = ageAt(relation.child.dateOfBirth, today(now));
	const workers = yourWorkers(db, actor, relation, now).sort(
		(a, b) =>
			Number(b.relationship === 'personal_adviser') - Number(a.relationship === 'personal_adviser')
	);
	return {
		workers,
		calm: isCalm(db, actor),
		childline: age === null || age < 19,
		samaritans: age === null || age >= 18
	};
}
