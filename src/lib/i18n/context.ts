import { getContext, setContext } from 'svelte';
import type { i18n, TFunction } from 'i18next';

const key = Symbol('i18n');

/** Set once by the root layout; the getter follows the layout's data across navigations. */
export function provideI18n(get: () => i18n): void {
	setContext(key, get);
}

/** Plain messages (no options) of each instance, once looked up: instances never change. */
const plain = new WeakMap<i18n, Map<string, string>>();

/** The `t` function for a component: `const t = useT();` then `{t('signIn.title')}`. */
export function useT(): TFunction {
	const get = getContext<() => i18n>(key);
	return ((...args: Parameters<TFunction>) => {
		const instance = get();
		const [name, options] = args as unknown as [unknown, unknown];
		if (options !== undefined || typeof name !== 'string') return instance.t(...args);
		let known = plain.get(instance);
		if (!known) plain.set(instance, (known = new Map()));
		let text = known.get(name);
		if (text === undefined) known.set(name, (text = instance.t(name)));
		return text;
	}) as TFunction;
}

export function useLocale(): () => string {
	const get = getContext<() => i18n>(key);
	return () => get().language;
}

/** The i18next instance itself, for what needs more than `t` (the glossary). */
export function useI18n(): () => i18n {
	return getContext<() => i18n>(key);
}
