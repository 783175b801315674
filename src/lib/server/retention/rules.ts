import type { Db } from '../db';
import * as access from '../access';
import { birthday, isCalendarDate } from '../dates/day';

/**
 * How long a record is kept, as data: the rules the record's life page shows the person, and that
 * closure and destruction (issue 17) work from. One place, so what a child is told and what is
 * done can never differ.
 */
export type RetentionRule = {
	id: string;
	/** Where the rule comes from, for whoever checks it. */
	source: string;
	/** Whose records it covers. */
	appliesTo: { jurisdiction: 'england'; records: 'child-in-care' };
	/** Kept until this birthday. */
	keepUntilAge: number;
	/** If the person dies before this age, kept for `years` from the date of death instead. */
	diedYoung: { beforeAge: number; years: number };
	/** What happens on the date: destroyed securely, with a line in the list of destroyed records. */
	then: 'destroy';
};

export const retentionRules = [
	{
		id: 'child-in-care-england',
		source:
			"The Children's Homes (England) Regulations 2015, as both recording policies (policy/) give it: kept until the 75th anniversary of the child's birth, or 15 years from death if the child dies before 18",
		appliesTo: { jurisdiction: 'england', records: 'child-in-care' },
		keepUntilAge: 75,
		diedYoung: { beforeAge: 18, years: 15 },
		then: 'destroy'
	}
] as const satisfies readonly RetentionRule[];

export type RetentionRuleId = (typeof retentionRules)[number]['id'];

/** The rule for a record: every record Waymark holds today is a child in care's, in England. */
export function ruleFor(_record: { dateOfBirth: string | null }): RetentionRule {
	return retentionRules[0];
}

/**
 * Until when a record is kept, by its rule: the day of the birthday the rule names, or null
 * while the date of birth is not known (the rule still applies; the date cannot be shown).
 */
export function keptUntil(record: { dateOfBirth: string | null }): {
	rule: RetentionRule;
	until: string | null;
} {
	const rule = ruleFor(record);
	const birth = record.dateOfBirth;
	return {
		rule,
		until: birth && isCalendarDate(birth) ? birthday(birth, rule.keepUntilAge) : null
	};
}

/** What the person's own "My record's life" page shows: the rule and its date for their record. */
export function lifeOfRecord(
	db: Db,
	actor: access.Actor,
	now = new Date()
): { until: string | null; keepUntilAge: number } {
	if (!actor.childId) throw new access.AccessDenied();
	const relation = access.requireChild(db, actor, 'viewRecord', actor.childId, now);
	const { rule, until } = keptUntil(relation.child);
	return { until, keepUntilAge: rule.keepUntilAge };
}
