import adapter from '@sveltejs/adapter-node';
import { vitePreprocess } from '@sveltejs/vite-plugin-svelte';

/** @type {import('@sveltejs/kit').Config} */
const config = {
	preprocess: vitePreprocess(),
	kit: {
		adapter: adapter(),
		// Absolute asset paths: the offline page is shown in place of any page, at any depth.
		paths: { relative: false },
		alias: {
			$messages: 'messages'
		},
		// Nonces for server-rendered pages, hashes for the prerendered offline page.
		csp: {
			mode: 'auto',
			directives: {
				'default-src': ['self'],
				'script-src': ['self'],
				'style-src': ['self'],
				// The one inline style SvelteKit itself writes: its route announcer for screen readers.
				'style-src-attr': ['unsafe-hashes', 'sha256-S8qMpvofolR8Mpjy4kQvEm7m1q8clzU4dfDH0AmvZjo='],
				'img-src': ['self', 'data:', 'blob:'],
				'media-src': ['self', 'blob:'],
				'font-src': ['self'],
				'connect-src': ['self'],
				'worker-src': ['self'],
				'manifest-src': ['self'],
				'form-action': ['self'],
				'object-src': ['none'],
				'base-uri': ['none'],
				'frame-ancestors': ['none']
			}
		},
		// Our own check (src/lib/server/web/security.ts) refuses every cross-site request that
		// changes state, whatever its content type, using Sec-Fetch-Site first. SvelteKit's check
		// reads only Origin, which browsers send as "null" on our own forms because every page says
		// Referrer-Policy: no-referrer; so it is switched off here, not weakened.
		csrf: { trustedOrigins: ['*'] },
		// Registered by the root layout; @vite-pwa/sveltekit adds the precache list and manifest.
		serviceWorker: { register: false }
	}
};

export default config;
