import { sveltekit } from '@sveltejs/kit/vite';
import { SvelteKitPWA } from '@vite-pwa/sveltekit';
import { defineConfig } from 'vitest/config';

export default defineConfig({
	plugins: [
		sveltekit(),
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
	],
	test: {
		include: ['src/**/*.spec.ts'],
		environment: 'node',
		expect: { requireAssertions: true },
		env: { WAYMARK_SECRET: 'test-secret-test-secret-test-secret-0123' }
	}
});
