import type { LayoutLoad } from './$types';
import { createI18n } from '$lib/i18n';

/** Runs on the server for each request and in the browser: one i18next instance each. */
export const load: LayoutLoad = async ({ data }) => ({
	...data,
	i18n: await createI18n(data.locale, { easyRead: data.easyRead })
});
