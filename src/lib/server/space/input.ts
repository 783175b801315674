import {
	childVisibilities,
	feelings,
	viewPrompts,
	type EntryDetails,
	type Precision
} from '../db/schema';
import type { FormReader } from '../validation';
import type { Body } from '../record/input';
import { readBody } from '../record/entry-form';
import { parseEventDate } from '../record/event-date';

export const childKinds = ['view', 'life_event', 'memory'] as const;
export type ChildKind = (typeof childKinds)[number];
export type ChildVisibility = (typeof childVisibilities)[number];

export type ChildEntryInput = {
	kind: ChildKind;
	title: string;
	body: Body;
	eventDate: string;
	eventPrecision: Precision;
	eventLabel: string | null;
	visibility: ChildVisibility;
	helpedBy: string | null;
	details: Omit<EntryDetails, 'media' | 'respondsTo' | 'urgent' | 'helperId'>;
};

/**
 * Reads the child's form. A view is about now; a life event or memory happened when the child
 * says, as exactly as they know it: a day, a month, a year, or words ("when I was 7") with an age.
 */
export function readChildEntryForm(
	form: FormReader,
	kind: ChildKind,
	options: { today: string; birthYear: number | null }
): ChildEntryInput {
	const body = readBody(form, 'bodyDoc', 'bodyText');
	form.values.bodyText = body.text;
	form.values.bodyDoc = JSON.stringify(body.doc);
	const visibility = form.choice('visibility', childVisibilities) ?? 'workers';
	const helpedBy = form.text('helpedBy', { max: 40 }) || null;
	const details: ChildEntryInput['details'] = {};
	let when: { date: string; precision: Precision; label: string | null; age?: number } = {
		date: options.today,
		precision: 'day',
		label: null
	};
	if (kind === 'view') {
		const answers: Partial<Record<(typeof viewPrompts)[number], string>> = {};
		for (const prompt of viewPrompts) {
			const answer = form.text(prompt, { max: 4000, multiline: true });
			if (answer) answers[prompt] = answer;
		}
		details.answers = answers;
		const picked = feelings.filter((f) => form.text(`feeling-${f}`) === 'on');
		if (picked.length) details.feelings = picked;
		const meetingId = form.text('meetingId', { max: 40 });
		if (meetingId) details.meetingId = meetingId;
	} else {
		const place = form.text('place', { max: 200 });
		const people = form.text('people', { max: 400 });
		if (place) details.place = place;
		if (people) details.people = people;
		const picked = feelings.filter((f) => form.text(`feeling-${f}`) === 'on');
		if (picked.length) details.feelings = picked;
		when = readWhen(form, options);
		if (when.age !== undefined) details.age = when.age;
	}
	const title = form.text('title', { required: kind !== 'view', max: 160 });
	return {
		kind,
		title: title || (kind === 'view' ? 'My views' : ''),
		body,
		eventDate: when.date,
		eventPrecision: when.precision,
		eventLabel: when.label,
		visibility,
		helpedBy,
		details
	};
}

function readWhen(form: FormReader, options: { today: string; birthYear: number | null }) {
	const label = form.text('eventLabel', { max: 100 }) || null;
	const dateText = form.text('eventDate', { max: 10 });
	const ageText = form.text('age', { pattern: /^\d{1,2}$/ });
	const parsed = dateText ? parseEventDate(dateText) : null;
	if (dateText && !parsed) form.problem('eventDate', 'record.problem.eventDate');
	if (parsed) {
		return { date: parsed.date, precision: label ? ('about' as const) : parsed.precision, label };
	}
	if (ageText && options.birthYear !== null) {
		const year = String(options.birthYear + Number(ageText));
		return { date: year, precision: 'about' as const, label, age: Number(ageText) };
	}
	if (!dateText && !form.problems.age) form.problem('eventDate', 'space.problem.when');
	return { date: options.today, precision: 'day' as const, label };
}

/** A saved draft as the form's values, so the child carries on where they stopped. */
export function draftValues(row: {
	title: string;
	bodyText: string;
	bodyDoc: unknown;
	eventDate: string;
	eventPrecision: Precision;
	eventLabel: string | null;
	visibility: string;
	sourceKind: string;
	details: EntryDetails | null;
	kind: string;
}): Record<string, string> {
	const details = row.details ?? {};
	const values: Record<string, string> = {
		title: row.kind === 'view' ? '' : row.title,
		bodyText: row.bodyText,
		bodyDoc: JSON.stringify(row.bodyDoc),
		eventDate: details.age !== undefined ? '' : row.eventDate,
		age: details.age !== undefined ? String(details.age) : '',
		eventLabel: row.eventLabel ?? '',
		visibility: row.visibility,
		place: details.place ?? '',
		people: details.people ?? '',
		meetingId: details.meetingId ?? '',
		helpedBy: details.helperId ?? ''
	};
	for (const [prompt, answer] of Object.entries(details.answers ?? {}))
		values[prompt] = answer ?? '';
	for (const feeling of details.feelings ?? []) values[`feeling-${feeling}`] = 'on';
	return values;
}
