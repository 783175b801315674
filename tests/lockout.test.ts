import { expect, test } from './fixtures/test';
import type { APIRequestContext, Page } from '@playwright/test';
import { eq, gte, or } from 'drizzle-orm';
import { signInAttempt } from '../src/lib/server/db/schema';
import { baseURL, demoSignIns, e2eDb } from './fixtures/server';
import { signIn, signOut } from './fixtures/pages';

const headers = { origin: baseURL, accept: 'text/html' };
const deviceCookie = 'waymark-device';

async function guess(from: APIRequestContext, username: string, password: string) {
	const response = await from.post('/sign-in', {
		form: { username, password },
		headers,
		maxRedirects: 0
	});
	return response.status();
}

/** Signs in through the form; true when it reached her home page. */
async function getsIn(page: Page, username: string, password: string) {
	await signIn(page, username, password);
	await page.waitForURL(/\/me$|\/sign-in/);
	await expect(page.locator('main')).toBeVisible();
	if (!page.url().endsWith('/me')) return false;
	await signOut(page);
	return true;
}

test('a child whose browser knows her gets in while someone else keeps guessing her passphrase', async ({
	newContext,
	playwright
}) => {
	const { username, password } = demoSignIns().child;
	const since = new Date();
	// Other files sign Maya in: they must not find her, or this address, throttled afterwards.
	const forget = () =>
		e2eDb()
			.delete(signInAttempt)
			.where(or(eq(signInAttempt.key, `account:${username}`), gte(signInAttempt.at, since)))
			.run();
	const strangers: APIRequestContext[] = [];
	const stranger = async () => {
		const context = await playwright.request.newContext({ baseURL });
		strangers.push(context);
		return context;
	};
	try {
		forget();
		// Maya signs in once on her own browser, which from then on knows her.
		const maya = await newContext();
		const page = await maya.newPage();
		expect(await getsIn(page, username, password)).toBe(true);
		const cookie = (await maya.cookies()).find((c) => c.name === deviceCookie);
		expect(cookie?.httpOnly).toBe(true);
		expect(cookie?.sameSite).toBe('Lax');
		expect(cookie!.expires * 1000).toBeGreaterThan(Date.now() + 30 * 24 * 3600 * 1000);
		expect(cookie!.value).not.toContain(username);

		// Someone with no cookies guesses until throttled, then again whenever the wait is over.
		const attacker = await stranger();
		const answers: number[] = [];
		while (answers.at(-1) !== 429 && answers.length < 20) {
			answers.push(await guess(attacker, username, `not it ${answers.length}`));
		}
		expect(answers.filter((s) => s === 400)).toHaveLength(5);
		expect(answers.at(-1)).toBe(429);
		let attacking = true;
		const attack = (async () => {
			while (attacking) {
				answers.push(await guess(attacker, username, `not it ${answers.length}`));
				await new Promise((resolve) => setTimeout(resolve, 50));
			}
		})();
		let successes = 0;
		for (let i = 0; i < 3; i++) if (await getsIn(page, username, password)) successes++;
		attacking = false;
		await attack;
		console.log(`Maya got in ${successes} of 3 times during the attack`);
		expect(successes).toBe(3);
		expect(answers.slice(6)).toContain(429);

		// Thirty guesses at once from thirty browsers that never signed in: five are evaluated.
		forget();
		const guessers = await Promise.all(Array.from({ length: 30 }, stranger));
		const burst = Date.now();
		const all = await Promise.all(guessers.map((g, i) => guess(g, username, `at once ${i}`)));
		const seconds = (Date.now() - burst) / 1000;
		const evaluated = all.filter((s) => s === 400).length;
		console.log(`${evaluated} of 30 guesses sent at once were evaluated, in ${seconds} s`);
		expect(evaluated).toBeGreaterThan(0);
		// Five free, then one more each time the doubling delay (1 s, 2 s, 4 s...) has passed:
		// a busy machine that takes 3 s to answer all thirty may rightly evaluate a sixth and seventh.
		expect(evaluated).toBeLessThanOrEqual(5 + Math.floor(Math.log2(seconds + 1)));
		expect(all.filter((s) => s === 429)).toHaveLength(30 - evaluated);
		expect(await getsIn(page, username, password)).toBe(true);
	} finally {
		forget();
		for (const context of strangers) await context.dispose();
	}
});

test('over HTTPS the device cookie is __Host-, Secure, HttpOnly and SameSite=Lax', async ({
	request
}) => {
	const { username, password } = demoSignIns().child;
	const signIn = await request.post('/sign-in', {
		headers: {
			'x-forwarded-proto': 'https',
			origin: baseURL.replace('http:', 'https:'),
			accept: 'text/html'
		},
		form: { username, password },
		maxRedirects: 0
	});
	expect(signIn.status()).toBe(303);
	const device = signIn
		.headersArray()
		.filter((h) => h.name.toLowerCase() === 'set-cookie')
		.map((h) => h.value)
		.find((v) => v.startsWith('__Host-waymark-device='));
	expect(device).toBeDefined();
	for (const part of ['Path=/', 'HttpOnly', 'Secure', 'SameSite=Lax', 'Max-Age=15552000']) {
		expect(device).toContain(part);
	}
	expect(device).not.toContain('Domain=');
	expect(device).not.toContain(username);
});
