import { findChromium } from './browser';

if (!findChromium()) {
	console.error(
		'No Chromium found: install one with "sudo apt-get install -y chromium" (Debian) or "npx playwright install chromium", or set CHROMIUM_PATH.'
	);
	process.exit(1);
}
