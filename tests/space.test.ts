import fs from 'node:fs';
import { eq } from 'drizzle-orm';
import sharp from 'sharp';
import type { BrowserContext, Page } from '@playwright/test';
import { expect, test } from './fixtures/test';
import { baseURL, e2eDb, maya, mayaChildId, sessionCookie, userIdOf } from './fixtures/server';
import { entry, media, user } from '../src/lib/server/db/schema';
import { actorFor } from '../src/lib/server/test/factories';
import { scheduleMeeting } from '../src/lib/server/space/meetings';

test.describe.configure({ mode: 'serial' });

const tag = () => Math.random().toString(36).slice(2, 8);

/** A phone photo with its location in it, as a child's camera would take it. */
async function photoWithGps(): Promise<Buffer> {
	return sharp({
		create: { width: 640, height: 480, channels: 3, background: { r: 200, g: 120, b: 40 } }
	})
		.jpeg()
		.withExif({
			IFD0: { Make: 'PhoneMaker', Model: 'Phone 12', Software: 'Camera' },
			IFD3: {
				GPSLatitudeRef: 'N',
				GPSLatitude: '51/1 28/1 0/1',
				GPSLongitudeRef: 'W',
				GPSLongitude: '3/1 10/1 0/1'
			}
		})
		.toBuffer();
}

async function signedIn(context: BrowserContext, id: string): Promise<Page> {
	await context.addCookies([sessionCookie(id)]);
	return context.newPage();
}

test('a child prepares views for a review with a photo and a feeling; the key worker reads them in the inbox and answers', async ({
	page,
	newContext
}) => {
	const worker = e2eDb().select().from(user).where(eq(user.username, 'sam.okafor')).get()!;
	scheduleMeeting(e2eDb(), actorFor(e2eDb(), worker), mayaChildId(), {
		kind: 'looked_after_review',
		title: '',
		date: '2099-03-14',
		time: '10:00',
		chairedBy: 'Priya Shah, IRO'
	});
	const want = `To see my brother every week ${tag()}`;
	await page.context().addCookies([sessionCookie(maya())]);
	await page.goto('/me');
	await page.getByRole('link', { name: 'My views' }).first().click();
	// The demo has reviews coming too: prepare for this one.
	const ours = page.locator('.meetings li', { hasText: '2099' });
	await expect(ours).toContainText('Looked-after review');
	await ours.getByRole('link', { name: 'Get ready for it' }).click();
	await expect(page.getByText('For: Looked-after review')).toBeVisible();
	await page.getByLabel('What is going well?').fill('School is good.');
	await page.getByLabel('What do I want to happen?').fill(want);
	await page.getByLabel('Worried').check();
	await page.getByLabel('Add photos').setInputFiles({
		name: 'me-and-jay.jpg',
		mimeType: 'image/jpeg',
		buffer: await photoWithGps()
	});
	await page.getByLabel('Say what the photos are').fill('Me and Jay at the park');
	await page.getByLabel('My advocate too').check();
	await page.getByRole('button', { name: 'Send', exact: true }).click();
	await expect(page.getByRole('status')).toContainText('Sent. Thank you for telling us.');
	const card = page.locator('article', { hasText: want });
	await expect(card).toContainText('Feelings: Worried');
	await expect(card.getByRole('img', { name: 'Me and Jay at the park' })).toBeVisible();

	// The stored photo has no location, and is not the file that was sent.
	const view = e2eDb().select().from(entry).where(eq(entry.bodyText, '')).all();
	const sent = view.find((e) => e.details?.answers?.want === want)!;
	expect(sent).toMatchObject({ status: 'final', visibility: 'advocate', kind: 'view' });
	const photo = e2eDb().select().from(media).where(eq(media.entryId, sent.id)).get()!;
	const served = await page.request.get(`/api/media/${photo.id}/display`);
	expect(served.status()).toBe(200);
	expect(served.headers()['content-type']).toBe('image/webp');
	expect(served.headers()['x-content-type-options']).toBe('nosniff');
	expect(served.headers()['cache-control']).toBe('no-store');
	const bytes = await served.body();
	expect(bytes.equals(await photoWithGps())).toBe(false);
	const meta = await sharp(bytes).metadata();
	expect(meta.exif).toBeUndefined();
	expect(bytes.includes(Buffer.from('PhoneMaker'))).toBe(false);

	// The key worker finds it at the top of the inbox, unread, and answers after the review.
	const wp = await signedIn(await newContext(), worker.id);
	await wp.goto('/inbox');
	const item = wp.locator('.inbox li', { hasText: 'Maya' }).filter({ hasText: 'New' }).first();
	await expect(item).toBeVisible();
	await wp.goto(`/children/${mayaChildId()}/record/${sent.id}`);
	await expect(wp.locator('main')).toContainText(want);
	await wp
		.getByLabel('What happened because of this view?')
		.fill('We set up a visit with Jay every Saturday.');
	await wp.getByRole('button', { name: 'Send the answer' }).click();
	await expect(wp.getByRole('status')).toContainText('The child can see your answer');

	// Maya sees "you said, we did" beside her view.
	await page.goto('/me/views');
	await expect(page.locator('article', { hasText: want })).toContainText(
		'We set up a visit with Jay every Saturday.'
	);
});

test('a child records their voice on a page with no framework script; the recording goes with their views', async ({
	page
}) => {
	// A microphone that plays a tone: the real MediaRecorder records it.
	await page.addInitScript(() => {
		navigator.mediaDevices.getUserMedia = async () => {
			const audio = new AudioContext();
			const tone = audio.createOscillator();
			const out = audio.createMediaStreamDestination();
			tone.connect(out);
			tone.start();
			return out.stream;
		};
	});
	await page.context().addCookies([sessionCookie(maya())]);
	const want = `To sing in the choir ${tag()}`;
	await page.goto('/me/views/new');
	await page.getByLabel('What do I want to happen?').fill(want);
	const recorder = page.locator('[data-recorder]');
	await recorder.getByRole('button', { name: 'Start recording' }).click();
	await expect(recorder.getByRole('status')).toContainText(/Recording: 0:0[1-9]/);
	await recorder.getByRole('button', { name: 'Stop recording' }).click();
	await expect(recorder.getByRole('button', { name: 'Start recording' })).toBeFocused();
	await expect(recorder.locator('audio')).toHaveAttribute('src', /^blob:/);
	expect(
		await page.getByLabel('Add your voice').evaluate((i: HTMLInputElement) => i.files?.[0]?.name)
	).toMatch(/^recording\.(webm|ogg)$/);
	await page.getByRole('button', { name: 'Send', exact: true }).click();
	await expect(page.getByRole('status')).toContainText('Sent. Thank you for telling us.');
	const sent = e2eDb()
		.select()
		.from(entry)
		.where(eq(entry.kind, 'view'))
		.all()
		.find((e) => e.details?.answers?.want === want)!;
	const voice = e2eDb().select().from(media).where(eq(media.entryId, sent.id)).get()!;
	expect(voice).toMatchObject({ kind: 'audio' });
	await expect(page.locator('article', { hasText: want }).locator('audio')).toHaveCount(1);
	// What the server rebuilt (without the recorder's tags) still plays: Chromium decodes it.
	expect(await decodedSeconds(page, voice.id)).toBeGreaterThan(0.5);
});

/** How many seconds of sound Chromium decodes from a stored recording. */
function decodedSeconds(page: Page, mediaId: string): Promise<number> {
	return page.evaluate(async (url) => {
		const bytes = await (await fetch(url)).arrayBuffer();
		return (await new AudioContext().decodeAudioData(bytes)).duration;
	}, `/api/media/${mediaId}/audio`);
}

const recordingFixture = (name: string) => ({
	name,
	mimeType: name.endsWith('.ogg') ? 'audio/ogg' : 'audio/mp4',
	buffer: fs.readFileSync(`src/lib/server/media/fixtures/${name}`)
});

test("a recording from a phone's own app keeps its sound and loses its tags; a video is refused", async ({
	page
}) => {
	await page.context().addCookies([sessionCookie(maya())]);
	for (const name of ['voice.m4a', 'voice.ogg']) {
		const want = `My song ${tag()}`;
		await page.goto('/me/views/new');
		await page.getByLabel('What do I want to happen?').fill(want);
		await page.getByLabel('Add your voice').setInputFiles(recordingFixture(name));
		await page.getByRole('button', { name: 'Save for later' }).click();
		await expect(page.getByText('Saved. Only you can see it until you send it.')).toBeVisible();
		const draft = e2eDb()
			.select()
			.from(entry)
			.all()
			.find((e) => e.details?.answers?.want === want)!;
		const voice = e2eDb().select().from(media).where(eq(media.entryId, draft.id)).get()!;
		const stored = await (await page.request.get(`/api/media/${voice.id}/audio`)).body();
		expect(stored.includes(Buffer.from('SecretTitleHere')), name).toBe(false);
		expect(stored.includes(Buffer.from('51.5074')), name).toBe(false);
		expect(await decodedSeconds(page, voice.id), name).toBeGreaterThan(0.9);
	}
	await page.goto('/me/views/new');
	await page.getByLabel('What do I want to happen?').fill(`A film ${tag()}`);
	await page.getByLabel('Add your voice').setInputFiles({
		...recordingFixture('video.mp4'),
		name: 'recording.m4a'
	});
	await page.getByRole('button', { name: 'Save for later' }).click();
	await expect(page.getByText('This is a video. We can only keep your voice.')).toBeVisible();
});

test('a title typed with a right-to-left override and NUL is stored without them', async ({
	page
}) => {
	await page.context().addCookies([sessionCookie(maya())]);
	const word = tag();
	const response = await page.request.post('/me/story/new?kind=life_event', {
		headers: { origin: baseURL, accept: 'text/html' },
		multipart: {
			title: `\u202eMy\u0000 day ${word}`,
			eventDate: '2019',
			bodyText: 'We went\u0000 to the \u2067sea\u2069.',
			intent: 'save'
		},
		maxRedirects: 0
	});
	expect(response.status()).toBe(303);
	const stored = e2eDb()
		.select()
		.from(entry)
		.all()
		.find((e) => e.title.includes(word))!;
	expect(stored.title).toBe(`My day ${word}`);
	expect(stored.bodyText).toBe('We went to the sea.');
});

test('media: signed out gets 401, another child gets 403', async ({ page, browser }) => {
	const photo = e2eDb().select().from(media).get()!;
	const anon = await browser.newContext();
	expect((await anon.request.get(`/api/media/${photo.id}/thumb`)).status()).toBe(401);
	await anon.close();
	const other = e2eDb().select().from(user).where(eq(user.role, 'care_leaver')).get()!;
	await page.context().addCookies([sessionCookie(other.id)]);
	expect((await page.request.get(`/api/media/${photo.id}/thumb`)).status()).toBe(403);
});

test('a refused photo never loses the words: the child lands on their saved draft with a kind message', async ({
	page
}) => {
	await page.context().addCookies([sessionCookie(maya())]);
	const title = `My first bike ${tag()}`;
	await page.goto('/me/story/new?kind=memory');
	await page.getByLabel('What is it?').fill(title);
	// The child's editor takes the box's place on first touch: write once it has (under load it
	// mounted between a fill and the send, and the words were lost).
	const words = page.getByRole('textbox', { name: 'What does it mean to you?' });
	await words.click();
	await page.locator('[contenteditable="true"]').waitFor();
	await words.fill('I rode it to school.');
	await page.getByLabel('Date').fill('2018');
	await page.getByLabel('Add photos').setInputFiles({
		name: 'bike.jpg',
		mimeType: 'image/jpeg',
		buffer: Buffer.from('%PDF-1.4 not a photo at all')
	});
	await page.getByRole('button', { name: 'Send', exact: true }).click();
	// The first upload a fresh server sees loads sharp: give it time.
	await expect(page).toHaveURL(/\/me\/drafts\//, { timeout: 15_000 });
	await expect(page.getByText('This is not a photo we can use')).toBeVisible();
	await expect(page.getByText('Your words are saved')).toBeVisible();
	await expect(page.getByLabel('What is it?')).toHaveValue(title);
});

test('"I don\'t feel safe" reaches the key worker at the top of their inbox; the child is told who knows', async ({
	page,
	newContext
}) => {
	await page.context().addCookies([sessionCookie(maya())]);
	await page.goto('/me/story');
	await page.getByRole('button', { name: /I don.t feel safe/ }).click();
	await expect(page.getByRole('status')).toContainText('We have told people who can help');
	await expect(page.locator('main')).toContainText('Sam Okafor');
	await expect(page.locator('main')).toContainText('0800 1111');
	const wp = await signedIn(await newContext(), userIdOf('sam.okafor'));
	await wp.goto('/inbox');
	await expect(wp.locator('.inbox li').first()).toContainText(/I don.t feel safe/);
	await expect(wp.locator('.inbox li').first()).toContainText('Maya');
});

test('a life event added offline is kept on the device and arrives when the connection returns; the timeline is in date order', async ({
	page,
	context
}) => {
	await context.addCookies([sessionCookie(maya())]);
	const title = `Our trip to the sea ${tag()}`;
	await page.goto('/me/story/new?kind=life_event');
	// The editor is not loaded until the child starts writing.
	const toolbar = page.getByRole('toolbar', { name: 'Text style' });
	await expect(toolbar).toHaveCount(0);
	await page.getByRole('textbox', { name: 'Tell the story' }).click();
	// The child's tiny toolbar: bold and a list, nothing else.
	await expect(toolbar.getByRole('button')).toHaveText(['Bold', 'Bullet list']);
	await context.setOffline(true);
	await page.getByLabel('What happened?').fill(title);
	await page.getByRole('textbox', { name: 'Tell the story' }).click();
	await page.keyboard.type('We had chips on the beach.');
	await page.getByLabel('Date').fill('2015-08');
	await page.getByRole('button', { name: 'Send', exact: true }).click();
	await expect(page.locator('form [data-offline-status]')).toHaveText(
		"Saved on this device. It will be sent when you're online."
	);
	const stored = await page.evaluate(
		() =>
			new Promise<string>((resolve) => {
				const open = indexedDB.open('waymark-offline');
				open.onsuccess = () => {
					const db = open.result;
					const names = [...db.objectStoreNames];
					const tx = db.transaction(names, 'readonly');
					const all = names.map((n) => tx.objectStore(n).getAll());
					tx.oncomplete = () => resolve(JSON.stringify(all.map((r) => r.result)));
				};
			})
	);
	expect(stored).not.toContain('chips');
	expect(e2eDb().select().from(entry).where(eq(entry.title, title)).get()).toBeUndefined();
	await context.setOffline(false);
	await expect(page.locator('[data-offline-sync]')).toContainText('has been sent');
	expect(e2eDb().select().from(entry).where(eq(entry.title, title)).get()?.status).toBe('final');

	// The timeline reads earliest first, page after page.
	const pages: string[] = [];
	const years: number[] = [];
	for (let n = 1; ; n++) {
		await page.goto(`/me/story?page=${n}`);
		pages.push(await page.locator('main').innerText());
		for (const y of await page.locator('.timeline-year h2').allInnerTexts()) {
			years.push(Number(y.slice(0, 4)));
		}
		if (!(await page.locator('a[rel="next"]').count())) break;
	}
	expect(years).toEqual([...years].sort((a, b) => a - b));
	expect(pages.join('\n')).toContain(title);
});

test.describe('without JavaScript', () => {
	test.use({ javaScriptEnabled: false });

	test("the child's core tasks: a view, a life event with a photo, asking for help", async ({
		page
	}) => {
		await page.context().addCookies([sessionCookie(maya())]);
		const words = `I want a later bedtime ${tag()}`;
		await page.goto('/me/views/new');
		await page.getByLabel('What do I want to happen?').fill(words);
		await page.getByRole('button', { name: 'Send', exact: true }).click();
		await expect(page.getByRole('status')).toContainText('Sent.');
		await expect(page.locator('main')).toContainText(words);

		const title = `Moving to Oak House ${tag()}`;
		await page.goto('/me/story/new?kind=life_event');
		await page.getByLabel('What happened?').fill(title);
		await page.getByLabel('Tell the story').fill('I got my own room.');
		await page.getByLabel('Or: how old were you?').fill('9');
		await page.getByLabel('Where was it?').fill('Oak House');
		await page.getByLabel('Add photos').setInputFiles({
			name: 'room.jpg',
			mimeType: 'image/jpeg',
			buffer: await photoWithGps()
		});
		await page.getByRole('button', { name: 'Send', exact: true }).click();
		await expect(page.getByRole('status')).toContainText('Sent.');
		const row = e2eDb().select().from(entry).where(eq(entry.title, title)).get()!;
		expect(row).toMatchObject({ status: 'final', eventPrecision: 'about' });
		expect(e2eDb().select().from(media).where(eq(media.entryId, row.id)).all()).toHaveLength(1);

		await page.getByRole('button', { name: 'I need to talk to someone' }).click();
		await expect(page.locator('main')).toContainText('We have told people who can help');
	});
});
