import { sveltekit } from '@sveltejs/kit/vite';
import { SvelteKitPWA } from '@vite-pwa/sveltekit';
import { defineConfig } from 'vite';
import { resolve } from 'node:path';
import type { Plugin } from 'vite';

/**
 * The page script (`src/lib/enhance/page.ts`) as an entry of its own in the client build, so that
 * pages served without SvelteKit's client (`csr = false`) still get read-aloud, offline drafts, the
 * recorder and the editor, and only those. Its name is fixed, for the layout to link to it (with
 * the build's version, `pageScriptUrl`); what it loads later has hashed names like any chunk.
 */
function pageScript(): Plugin {
	let client = false;
	return {
		name: 'waymark-page-script',
		apply: 'build',
		configResolved(config) {
			client = !config.build.ssr;
		},
		buildStart() {
			if (!client) return;
			this.emitFile({
				type: 'chunk',
				id: resolve('src/lib/enhance/page.ts'),
				fileName: '_app/enhance/page.js'
			});
		}
	};
}

export default defineConfig({
	plugins: [
		sveltekit(),
		pageScript(),
		SvelteKitPWA({
			// Our own small service worker (src/service-worker/, built by SvelteKit); the plugin
			// writes the web manifest and injects the list of static files to precache.
			strategies: 'injectManifest',
			filename: 'service-worker.js',
			injectRegister: false,
			registerType: 'autoUpdate',
			manifest: {
				name: 'Waymark',
				short_name: 'Waymark',
				description: 'Your story, your views, your record.',
				start_url: '/',
				scope: '/',
				display: 'standalone',
				background_color: '#fbf7f0',
				theme_color: '#2f5d50',
				icons: [
					{ src: '/icons/icon-192.png', sizes: '192x192', type: 'image/png' },
					{ src: '/icons/icon-512.png', sizes: '512x512', type: 'image/png' },
					{
						src: '/icons/icon-maskable-512.png',
						sizes: '512x512',
						type: 'image/png',
						purpose: 'maskable'
					}
				]
			},
			injectManifest: {
				globPatterns: [
					'client/**/*.{js,css,ico,png,svg,webp,woff2,webmanifest}',
					'prerendered/**/*.html'
				]
			}
		})
	]
});
