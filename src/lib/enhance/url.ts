import { dev, version } from '$app/environment';

/**
 * Where pages load the page script from: in development Vite serves the source; in a build it is
 * the entry vite.config.ts emits, with the build's version so that a browser never keeps last
 * release's copy (the name itself has no hash).
 */
export const pageScriptUrl = dev
	? '/src/lib/enhance/page.ts'
	: `/_app/enhance/page.js?v=${encodeURIComponent(version)}`;
