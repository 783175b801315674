import { fail, isActionFailure, type ActionFailure } from '@sveltejs/kit';
import { AccountError } from '../../accounts/errors';
import { MediaError } from '../../media/errors';
import { RecordError } from '../../record/errors';
import type { FormReader, Problems } from '../../validation';
import { guardAsync } from '../guards';

/**
 * The one way a form action turns what the domain said into an answer. Each domain has one error
 * type carrying i18next keys (RecordError, AccountError, MediaError); here each becomes the
 * problems of the form, shown beside what the person typed, which comes back with them: a refused
 * form never loses what was written. A refusal by the access policy is a 403 or 404 (guard), and
 * anything else (a redirect included) passes through.
 */

type Values = Pick<FormReader, 'values'> | null;
type Refused<E> = ActionFailure<{ values: Record<string, string>; problems: Problems } & E>;

/** The problems a domain error carries, by form field; null for any other error. */
export function problemsOf(e: unknown, field: string): Problems | null {
	if (e instanceof RecordError) return e.problems;
	if (e instanceof AccountError) return { [e.field ?? field]: e.key };
	if (e instanceof MediaError) return { [field]: e.key };
	return null;
}

/** The form again, with its problems (FormReader's own, or a domain's). */
export function refused<E extends object = object>(
	form: Values,
	problems: Problems,
	extra?: E
): Refused<E> {
	return fail(400, { values: form?.values ?? {}, problems, ...(extra as E) });
}

/** The form again when its own checks found problems; null when it may go on. */
export function checked<E extends object = object>(form: FormReader, extra?: E): Refused<E> | null {
	return form.ok ? null : refused(form, form.problems, extra);
}

/**
 * Runs the domain work behind a form. Returns what it returned or, for a domain error, the form
 * again with the problem next to `field` (where the error names no field itself).
 */
export async function answer<T, E extends object = object>(
	form: Values,
	work: () => T | Promise<T>,
	options: { field?: string; extra?: E } = {}
): Promise<Awaited<T> | Refused<E>> {
	try {
		return await guardAsync(async () => await work());
	} catch (e) {
		const problems = problemsOf(e, options.field ?? 'form');
		if (!problems) throw e;
		return refused(form, problems, options.extra);
	}
}

/** Whether `answer` gave the form back, for an action that goes on when it did not. */
export function isRefused<T, E extends object>(result: T | Refused<E>): result is Refused<E> {
	return isActionFailure(result);
}
