import type { Problems } from '../validation';

/** The record domain's one error: problems keyed by form field, values are i18next keys. */
export class RecordError extends Error {
	constructor(public readonly problems: Problems) {
		super(Object.values(problems).join(', '));
	}
}
