import { describe, expect, it } from 'vitest';
import { FormReader } from '../validation';
import { formValuesOf, readEntryForm } from './entry-form';
import type { Entry } from '../db/schema';

function read(fields: Record<string, string>) {
	const data = new FormData();
	const all = {
		title: 'A visit',
		bodyText: 'It went well.',
		eventDate: '2024-03-14',
		nature: 'fact',
		visibility: 'shared'
	};
	for (const [name, value] of Object.entries({ ...all, sourceKind: 'person', ...fields }))
		data.set(name, value);
	const form = new FormReader(data);
	return { input: readEntryForm(form, null), problems: form.problems };
}

describe('who told us: their relationship to the child', () => {
	it('keeps a relationship from the list as its key, for each reader to read in their language', () => {
		const { input, problems } = read({ sourceRelationship: 'foster_carer' });
		expect(input.sourceRelationship).toBe('foster_carer');
		expect(problems).toEqual({});
	});

	it('keeps "someone else" in the writer’s own words, and asks for them when missing', () => {
		expect(
			read({ sourceRelationship: 'other', sourceRelationshipOther: "mum's doctor" }).input
				.sourceRelationship
		).toBe("mum's doctor");
		const missing = read({ sourceRelationship: 'other' });
		expect(missing.input.sourceRelationship).toBeNull();
		expect(missing.problems.sourceRelationshipOther).toBe('form.required');
	});

	it('keeps nothing when none is given, and refuses a word that is not on the list', () => {
		expect(read({}).input.sourceRelationship).toBeNull();
		expect(read({ sourceRelationship: 'mum' }).problems.sourceRelationship).toBe('form.invalid');
	});

	it('fills the form back from a draft: a key chooses it, other words go in their own box', () => {
		const row = (sourceRelationship: string | null) =>
			({
				sourceRelationship,
				translations: [],
				bodyDoc: { type: 'doc', content: [] }
			}) as unknown as Entry;
		expect(formValuesOf(row('mother'))).toMatchObject({
			sourceRelationship: 'mother',
			sourceRelationshipOther: ''
		});
		expect(formValuesOf(row("Leo's foster carer"))).toMatchObject({
			sourceRelationship: 'other',
			sourceRelationshipOther: "Leo's foster carer"
		});
		expect(formValuesOf(row(null))).toMatchObject({ sourceRelationship: '' });
	});
});
