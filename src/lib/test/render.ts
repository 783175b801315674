import { vi } from 'vitest';
import { flushSync, mount, unmount, type Component } from 'svelte';
import { createI18n } from '$lib/i18n';
import WithI18n from './with-i18n.svelte';

/**
 * Draws a component into the page of a browser test (the 'client' vitest project), in English
 * unless told otherwise, as the server would have drawn it; returns its host element.
 */
export async function render<Props extends Record<string, unknown>>(
	component: Component<Props>,
	props: Props,
	{ into = document.body, locale = 'en-GB' }: { into?: Element; locale?: string } = {}
): Promise<HTMLElement> {
	const instance = await createI18n(locale);
	const host = document.createElement('div');
	into.append(host);
	const drawn = mount(WithI18n<Props>, { target: host, props: { instance, component, props } });
	flushSync();
	hosts.set(host, drawn);
	return host;
}

const hosts = new Map<HTMLElement, Record<string, unknown>>();

/** Removes everything render() drew. */
export function cleanup(): void {
	for (const [host, drawn] of hosts) {
		void unmount(drawn);
		host.remove();
	}
	hosts.clear();
}

/**
 * Waits for what the code under test does later (a module it loads, IndexedDB, a voice): as
 * vi.waitFor, with room for a busy machine, where a dynamic import can take seconds.
 */
export function until<T>(check: () => T | Promise<T>): Promise<T> {
	return vi.waitFor(check, { timeout: 10_000, interval: 20 });
}
