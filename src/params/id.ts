import type { ParamMatcher } from '@sveltejs/kit';

/** Our ids: 120 random bits, base32, lower case. Anything else is not a page. */
export const match: ParamMatcher = (param) => /^[a-z2-7]{24}$/.test(param);
