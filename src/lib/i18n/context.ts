import { getContext, setContext } from 'svelte';
import type { i18n, TFunction } from 'i18next';

const key = Symbol('i18n');

/** Set once by the root layout; the getter follows the layout's data across navigations. */
export function provideI18n(get: () => i18n): void {
	setContext(key, get);
}

/** The `t` function for a component: `const t = useT();` then `{t('signIn.title')}`. */
export function useT(): TFunction {
	const get = getContext<() => i18n>(key);
	return ((...args: Parameters<TFunction>) => get().t(...args)) as TFunction;
}

export function useLocale(): () => string {
	const get = getContext<() => i18n>(key);
	return () => get().language;
}

/** The i18next instance itself, for what needs more than `t` (the glossary). */
export function useI18n(): () => i18n {
	return getContext<() => i18n>(key);
}
