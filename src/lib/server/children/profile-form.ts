import type { FormReader } from '../validation';
import type { ProfileChanges } from './profile';

/** Reads the profile form; field names match the profile's own. */
export function readProfileForm(form: FormReader): ProfileChanges {
	const short = { max: 200 };
	const long = { max: 2000, multiline: true };
	const optional = (value: string) => value || null;
	return {
		legalName: form.text('legalName', { required: true, ...short }),
		previousNames: form.lines('previousNames', long),
		preferredName: form.text('preferredName', { required: true, ...short }),
		dateOfBirth: form.date('dateOfBirth'),
		sex: optional(form.text('sex', short)),
		genderInOwnWords: optional(form.text('genderInOwnWords', short)),
		pronouns: optional(form.text('pronouns', short)),
		religion: optional(form.text('religion', short)),
		ethnicityInOwnWords: optional(form.text('ethnicityInOwnWords', short)),
		languages: form.lines('languages', long),
		preferredLanguage: optional(form.text('preferredLanguage', short)),
		communicationNeeds: optional(form.text('communicationNeeds', long)),
		disabilities: optional(form.text('disabilities', long)),
		caseSystemPersonId: optional(form.text('caseSystemPersonId', short))
	};
}

export const profileFields = [
	{ name: 'legalName', kind: 'text', required: true },
	{ name: 'previousNames', kind: 'lines' },
	{ name: 'preferredName', kind: 'text', required: true },
	{ name: 'dateOfBirth', kind: 'date' },
	{ name: 'sex', kind: 'text' },
	{ name: 'genderInOwnWords', kind: 'text' },
	{ name: 'pronouns', kind: 'text' },
	{ name: 'religion', kind: 'text' },
	{ name: 'ethnicityInOwnWords', kind: 'text' },
	{ name: 'languages', kind: 'lines' },
	{ name: 'preferredLanguage', kind: 'text' },
	{ name: 'communicationNeeds', kind: 'long' },
	{ name: 'disabilities', kind: 'long' },
	{ name: 'caseSystemPersonId', kind: 'text' }
] as const;
