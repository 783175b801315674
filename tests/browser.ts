import fs from 'node:fs';
import { chromium } from '@playwright/test';

/** CHROMIUM_PATH, then Debian's Chromium, then Playwright's own (npx playwright install chromium). */
export function findChromium(): { executablePath?: string } | null {
	const fromEnv = process.env.CHROMIUM_PATH;
	if (fromEnv) return fs.existsSync(fromEnv) ? { executablePath: fromEnv } : null;
	if (fs.existsSync('/usr/bin/chromium')) return { executablePath: '/usr/bin/chromium' };
	try {
		if (fs.existsSync(chromium.executablePath())) return {};
	} catch {
		// Playwright has no browser of its own here.
	}
	return null;
}

export const chromiumArgs = [
	'--no-sandbox',
	'--disable-gpu',
	'--disable-dev-shm-usage',
	'--disable-background-networking',
	'--disable-component-update',
	'--disable-sync',
	'--no-first-run'
];
