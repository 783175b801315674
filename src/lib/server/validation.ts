import { normaliseText } from './normalise';
import { isCalendarDate } from './dates/day';

/**
 * The one way forms are read and checked. Problems are i18next keys under `form.`, so the page
 * shows them in the person's language, next to the values they typed. Every text read here is
 * normalised first (normalise.ts: NFC, no control or bidi control characters); secrets are not.
 */

export type Problems = Record<string, string>;

export class FormReader {
	readonly problems: Problems = {};
	readonly values: Record<string, string> = {};

	constructor(private readonly form: FormData) {}

	/** A trimmed, normalised text field; '' when absent. One line, unless `multiline`. */
	text(
		name: string,
		rules: { required?: boolean; max?: number; pattern?: RegExp; multiline?: boolean } = {}
	): string {
		const raw = this.form.get(name);
		const value =
			typeof raw === 'string' ? normaliseText(raw, { multiline: rules.multiline }).trim() : '';
		this.values[name] = value;
		if (rules.required && !value) this.problems[name] = 'form.required';
		else if (value && rules.max && [...value].length > rules.max)
			this.problems[name] = 'form.tooLong';
		else if (value && rules.pattern && !rules.pattern.test(value))
			this.problems[name] = 'form.invalid';
		return value;
	}

	/** A secret (password, code): never trimmed, never echoed back to the page. */
	secret(name: string, rules: { required?: boolean; max?: number } = {}): string {
		const raw = this.form.get(name);
		const value = typeof raw === 'string' ? raw : '';
		if (rules.required && !value) this.problems[name] = 'form.required';
		else if (rules.max && value.length > rules.max) this.problems[name] = 'form.tooLong';
		return value;
	}

	/** One of a fixed set of values. */
	choice<T extends string>(
		name: string,
		options: readonly T[],
		rules: { required?: boolean } = {}
	): T | null {
		const value = this.text(name);
		if (!value) {
			if (rules.required) this.problems[name] = 'form.required';
			return null;
		}
		if (!options.includes(value as T)) {
			this.problems[name] = 'form.invalid';
			return null;
		}
		return value as T;
	}

	/** A calendar date, YYYY-MM-DD, that really exists. */
	date(name: string, rules: { required?: boolean } = {}): string | null {
		const value = this.text(name, rules);
		if (!value) return null;
		if (!isCalendarDate(value)) {
			this.problems[name] = 'form.invalidDate';
			return null;
		}
		return value;
	}

	/** Several lines, one item each. */
	lines(name: string, rules: { max?: number } = {}): string[] {
		const value = this.text(name, { max: rules.max, multiline: true });
		return value
			.split('\n')
			.map((line) => line.trim())
			.filter(Boolean);
	}

	problem(name: string, key: string): void {
		this.problems[name] = key;
	}

	get ok(): boolean {
		return Object.keys(this.problems).length === 0;
	}
}

export const usernamePattern = /^[a-z0-9][a-z0-9._-]{2,39}$/;
