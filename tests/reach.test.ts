import { eq } from 'drizzle-orm';
import fs from 'node:fs';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures/test';
import { baseURL } from './fixtures/env';
import { demoSignIns, e2eDb, maya, sessionCookie } from './fixtures/server';
import { user } from '../src/lib/server/db/schema';
import { locales } from '../src/lib/i18n/locales';
import { readMessages } from '../src/tooling/messages';
import { budgets, pageWeight } from '../bench/lib/weight';

// Every child can read and use it: each language, read-aloud, easy read, keyboard only, a narrow
// screen, and no JavaScript. Run as Maya, the demo child.

test.describe.configure({ mode: 'serial' });

/** This browser's language; and Maya's own saved choice, which comes before it once signed in. */
const language = (code: string) => {
	e2eDb().update(user).set({ locale: code }).where(eq(user.id, maya())).run();
	return { name: 'waymark-lang', value: code, url: baseURL };
};
// Other test files expect Maya in English, as the demo makes her.
test.afterEach(() => {
	e2eDb().update(user).set({ locale: null }).where(eq(user.id, maya())).run();
});

/** Pages a child only reads: no framework JavaScript, only the small page script. */
const readingPages = [
	'/me',
	'/me/story',
	'/me/record',
	'/me/views',
	'/me/disagreements',
	'/me/who-looked',
	'/me/help',
	'/glossary',
	'/help'
];
/** Pages where a child writes: the page script adds offline drafts, the recorder and the editor. */
const writingPages = ['/me/views/new', '/me/story/new?kind=life_event'];
const childPages = [...readingPages, ...writingPages];

const keys = new Set(Object.keys(readMessages('messages', 'en-GB')));

test('in each of the twelve languages, every child page is whole: its language, its direction, no key showing', async ({
	page
}) => {
	test.setTimeout(240_000);
	expect(locales).toHaveLength(12);
	await page.context().addCookies([sessionCookie(maya())]);
	for (const { code, dir } of locales) {
		await page.context().addCookies([language(code)]);
		for (const path of childPages) {
			const response = await page.goto(path);
			expect(response?.status(), `${code} ${path}`).toBe(200);
			await expect(page.locator('html')).toHaveAttribute('lang', code);
			await expect(page.locator('html')).toHaveAttribute('dir', dir);
			const words = (await page.locator('body').innerText()).match(/[\w.]+/g) ?? [];
			expect(
				words.filter((w) => keys.has(w)),
				`${code} ${path}`
			).toEqual([]);
		}
	}
});

test('right to left: arrows turn round, and a Latin name keeps its place in Arabic', async ({
	page
}) => {
	await page.context().addCookies([sessionCookie(maya()), language('ar')]);
	await page.goto('/sign-in');
	await page.goto('/me');
	await expect(page.locator('h1 bdi')).toHaveText('Maya');
	const transform = await page
		.locator('.icon.directional')
		.first()
		.evaluate((el) => getComputedStyle(el).transform);
	expect(transform).toBe('matrix(-1, 0, 0, 1, 0, 0)');
	const start = await page.locator('main h1').evaluate((el) => {
		const box = el.getBoundingClientRect();
		return { right: box.right, page: document.documentElement.clientWidth };
	});
	// Text starts at the right-hand edge.
	expect(start.page - start.right).toBeLessThan(start.page / 3);
});

/** A pretend speech engine: records what it was asked to say, in which language. */
async function fakeVoices(page: Page, voices: string[]) {
	await page.addInitScript((langs) => {
		const w = window as unknown as Record<string, unknown>;
		const said: { text: string; lang: string }[] = [];
		let current: { listeners: Record<string, () => void> } | null = null;
		w.said = said;
		w.finishSpeaking = () => current?.listeners.end?.();
		w.SpeechSynthesisUtterance = class {
			text: string;
			lang = '';
			voice: unknown = null;
			rate = 1;
			listeners: Record<string, () => void> = {};
			constructor(text: string) {
				this.text = text;
			}
			addEventListener(name: string, f: () => void) {
				this.listeners[name] = f;
			}
		};
		const engine = {
			paused: false,
			getVoices: () => langs.map((lang) => ({ lang, name: lang, localService: true })),
			speak(u: { text: string; lang: string; listeners: Record<string, () => void> }) {
				said.push({ text: u.text, lang: u.lang });
				current = u;
			},
			pause() {
				engine.paused = true;
			},
			resume() {
				engine.paused = false;
			},
			cancel() {
				current = null;
			},
			addEventListener() {}
		};
		Object.defineProperty(window, 'speechSynthesis', { value: engine, configurable: true });
	}, voices);
}

test('read-aloud reads a glossary word in Arabic with an Arabic voice, pauses, carries on and stops', async ({
	page
}) => {
	await fakeVoices(page, ['ar-SA', 'en-GB']);
	await page.context().addCookies([language('ar')]);
	await page.goto('/glossary');
	const box = page.locator('.read-aloud').first();
	await expect(box).toBeVisible();
	await box.locator('[data-read=play]').click();
	const said = await page.evaluate(() => (window as unknown as { said: unknown[] }).said);
	expect(said).toHaveLength(1);
	expect(said[0]).toMatchObject({ lang: 'ar' });
	await box.locator('[data-read=pause]').click();
	expect(await page.evaluate(() => window.speechSynthesis.paused)).toBe(true);
	await box.locator('[data-read=resume]').click();
	expect(await page.evaluate(() => window.speechSynthesis.paused)).toBe(false);
	await box.locator('[data-read=stop]').click();
	await expect(box.locator('[data-read=play]')).toBeVisible();
	await expect(box.locator('[data-read=pause]')).toBeHidden();
});

test('read-aloud says so when the device has no voice for the language, and offers English', async ({
	page
}) => {
	await fakeVoices(page, ['en-GB']);
	await page.context().addCookies([language('ar')]);
	await page.goto('/help');
	const box = page.locator('.read-aloud').first();
	await box.locator('[data-read=play]').click();
	await expect(box.locator('[data-read=no-voice]')).toBeVisible();
	await expect(box.locator('[data-read=no-voice]')).toContainText('العربية');
	// "Show in English", in Arabic.
	await box.locator('[data-read=no-voice] button').click();
	await expect(page).toHaveURL(/\/help$/);
	await expect(page.locator('html')).toHaveAttribute('lang', 'en-GB');
	await page.locator('.read-aloud [data-read=play]').first().click();
	const said = await page.evaluate(() => (window as unknown as { said: { lang: string }[] }).said);
	expect(said.at(-1)?.lang).toBe('en-GB');
});

test('read-aloud reads an entry of My record in the language it was written in, and the end resets it', async ({
	page
}) => {
	await fakeVoices(page, ['en-GB', 'cy-GB']);
	await page.context().addCookies([sessionCookie(maya()), language('cy')]);
	await page.goto('/me/record');
	const card = page.locator('.entry-card:not(.entry-neutral)').first();
	const title = (await card.locator('.entry-title').innerText()).trim();
	await card.locator('[data-read=play]').click();
	const said = await page.evaluate(
		() => (window as unknown as { said: { text: string; lang: string }[] }).said
	);
	expect(said[0]!.text.startsWith(title)).toBe(true);
	expect(['en-GB', 'cy']).toContain(said[0]!.lang);
	await page.evaluate(() => (window as unknown as { finishSpeaking: () => void }).finishSpeaking());
	await expect(card.locator('[data-read=play]')).toBeVisible();
});

test('without a speech engine, read-aloud offers nothing', async ({ page }) => {
	await page.addInitScript(() => {
		delete (window as unknown as Record<string, unknown>).speechSynthesis;
	});
	await page.goto('/glossary');
	await expect(page.locator('.read-aloud').first()).toBeHidden();
});

test('easy read: bigger words, easy wording, an icon on every action, fewer choices; and off again', async ({
	page
}) => {
	await page.context().addCookies([sessionCookie(maya())]);
	await page.goto('/me');
	const usualSize = await page.evaluate(() => parseFloat(getComputedStyle(document.body).fontSize));
	await expect(page.getByRole('link', { name: /Who looked at my record/ }).first()).toBeVisible();
	await page.getByRole('button', { name: 'Easy read' }).click();
	await expect(page.locator('html')).toHaveClass(/easy-read/);
	await expect(page.getByRole('button', { name: 'Easy read' })).toHaveAttribute(
		'aria-pressed',
		'true'
	);
	const easy = JSON.parse(fs.readFileSync('messages/easy/en-GB.json', 'utf8'));
	await expect(page.locator('.lead').first()).toHaveText(easy.childHome.intro);
	expect(
		await page.evaluate(() => parseFloat(getComputedStyle(document.body).fontSize))
	).toBeGreaterThan(usualSize * 1.2);
	// Fewer choices: "Who looked" and "My disagreements" wait on their own pages.
	await expect(page.getByRole('link', { name: /Who looked at my record/ })).toHaveCount(0);
	for (const path of childPages) {
		await page.goto(path);
		const actions = page.locator('main .button:visible, header .button:visible');
		const count = await actions.count();
		expect(count, path).toBeGreaterThan(0);
		for (let i = 0; i < count; i++) {
			await expect(
				actions.nth(i).locator('svg.icon'),
				`${path}: ${await actions.nth(i).innerText()}`
			).toHaveCount(1);
		}
	}
	await page.getByRole('button', { name: 'Easy read' }).click();
	await expect(page.locator('html')).not.toHaveClass(/easy-read/);
});

/** Presses Tab until `target` has the focus, checking that every stop shows where the focus is. */
async function tabTo(page: Page, target: import('@playwright/test').Locator, limit = 80) {
	for (let i = 0; i < limit; i++) {
		await page.keyboard.press('Tab');
		const visible = await page.evaluate(() => {
			const el = document.activeElement as HTMLElement | null;
			if (!el || el === document.body) return true;
			const style = getComputedStyle(el);
			return style.outlineStyle !== 'none' || style.boxShadow !== 'none';
		});
		expect(visible, 'the focused element shows a focus ring').toBe(true);
		if (await target.evaluate((el) => el === document.activeElement)) return;
	}
	throw new Error(`Tab never reached ${target}`);
}

test('keyboard only: a child signs in, writes their views, says "I disagree", and signs out', async ({
	page
}) => {
	const { username, password } = demoSignIns().child;
	await page.goto('/sign-in');
	await tabTo(page, page.locator('#username'));
	await page.keyboard.type(username);
	await page.keyboard.press('Tab');
	await page.keyboard.type(password);
	await page.keyboard.press('Enter');
	await expect(page).toHaveURL(/\/me$/);

	await tabTo(page, page.getByRole('link', { name: 'My views', exact: true }).first());
	await page.keyboard.press('Enter');
	await expect(page).toHaveURL(/\/me\/views$/);
	await tabTo(page, page.getByRole('link', { name: /Write my views/ }).last());
	await page.keyboard.press('Enter');
	await expect(page).toHaveURL(/\/me\/views\/new/);
	await tabTo(page, page.getByLabel('What do I want to happen?'));
	await page.keyboard.type('More time with my brother, by keyboard.');
	await tabTo(page, page.getByRole('button', { name: 'Send', exact: true }));
	await page.keyboard.press('Enter');
	await expect(page.getByRole('status')).toContainText('Sent.');

	await page.goto('/me/record');
	await tabTo(page, page.getByRole('link', { name: 'I disagree' }).first(), 200);
	await page.keyboard.press('Enter');
	await expect(page).toHaveURL(/\/me\/disagree\//);
	await tabTo(page, page.getByLabel('What is wrong?'));
	await page.keyboard.type('It says I was late. I was not.');
	await tabTo(page, page.getByLabel('Add my side next to it'));
	await page.keyboard.press('Space');
	await tabTo(page, page.getByRole('button', { name: 'Send', exact: true }));
	await page.keyboard.press('Enter');
	await expect(page.getByRole('status')).toContainText('Sent. Thank you for telling us.');

	await tabTo(page, page.getByRole('button', { name: 'Sign out' }));
	await page.keyboard.press('Enter');
	await expect(page).toHaveURL(/\/sign-in/);
});

test('at 320 CSS pixels wide, and at 200% zoom, no child page scrolls sideways', async ({
	page
}) => {
	await page.context().addCookies([sessionCookie(maya())]);
	for (const [width, code] of [
		[320, 'en-GB'],
		[640, 'en-GB'],
		[320, 'ar']
	] as const) {
		await page.setViewportSize({ width, height: 720 });
		await page.context().addCookies([language(code)]);
		for (const path of childPages) {
			await page.goto(path);
			const wide = await page.evaluate(() => document.documentElement.scrollWidth);
			expect(wide, `${code} ${path} at ${width}px`).toBeLessThanOrEqual(width);
		}
	}
});

test('with reduced motion asked for, nothing animates', async ({ page }) => {
	await page.emulateMedia({ reducedMotion: 'reduce' });
	await page.context().addCookies([sessionCookie(maya())]);
	await page.goto('/me');
	const moving = await page.evaluate(
		() =>
			[...document.querySelectorAll('*')].filter((el) => {
				const s = getComputedStyle(el);
				return (
					(s.animationName !== 'none' && s.animationDuration !== '0s') ||
					s.transitionDuration.split(',').some((d) => parseFloat(d) > 0)
				);
			}).length
	);
	expect(moving).toBe(0);
});

test.describe('without JavaScript', () => {
	test.use({ javaScriptEnabled: false });

	test('a child reads their timeline and My record, and says "I disagree"', async ({ page }) => {
		await page.context().addCookies([sessionCookie(maya())]);
		await page.goto('/me/story');
		await expect(page.locator('main .entry-card').first()).toBeVisible();
		await page.goto('/me/record');
		await expect(page.locator('main .entry-card').first()).toBeVisible();
		await page.getByRole('link', { name: 'I disagree' }).first().click();
		await page.getByLabel('What is wrong?').fill('It got the day wrong, without JavaScript.');
		await page.getByLabel('Explain it to me').check();
		await page.getByRole('button', { name: 'Send', exact: true }).click();
		await expect(page.getByRole('status')).toContainText('Sent. Thank you for telling us.');
	});
});

test('a cheap phone: every child page ships at most 60 KB of script, the home page at most 14 KB of HTML', async ({
	page
}) => {
	test.setTimeout(120_000);
	await page.context().addCookies([sessionCookie(maya())]);
	await page.goto('/me/record');
	const disagreePage = await page.locator('a[href^="/me/disagree/"]').first().getAttribute('href');
	expect(disagreePage).toBeTruthy();
	for (const code of ['en-GB', 'ar']) {
		await page.context().addCookies([language(code)]);
		for (const path of [...childPages, disagreePage!]) {
			const weight = await pageWeight(page, path);
			expect(weight.js, `${code} ${path}: ${JSON.stringify(weight)}`).toBeLessThanOrEqual(
				budgets.js
			);
			if (path === '/me') expect(weight.html).toBeLessThanOrEqual(budgets.homeHtml);
		}
	}
});
