import type { PageLoad } from './$types';
import { createI18n, locales } from '$lib/i18n';

// Precached by the service worker and shown when a page cannot be reached. It cannot know the
// person's language, so it says its few words in every language Waymark speaks.
export const prerender = true;

export const load: PageLoad = async () => ({
	messages: await Promise.all(
		locales.map(async ({ code, dir }) => {
			const { t } = await createI18n(code);
			return { code, dir, title: t('offline.title'), body: t('offline.body') };
		})
	)
});
