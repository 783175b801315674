import { expect, test } from './fixtures/test';
import { buildMatrixWorld } from './fixtures/world';
import { e2eDb } from './fixtures/server';
import { baseURL } from './fixtures/env';
import { xssUrls, xssVectors } from './fixtures/xss-vectors';
import { actorFor, entryInput } from '../src/lib/server/test/factories';
import { createDraft, finaliseEntry } from '../src/lib/server/record/write';
import { sanitiseDoc } from '../src/lib/server/record/sanitise';

/** A document with each vector as text, as a link, inside an invented node, and as attributes. */
function hostile(vectors: string[]) {
	return {
		type: 'doc',
		content: vectors.flatMap((v) => [
			{ type: 'paragraph', attrs: { onclick: v }, content: [{ type: 'text', text: v }] },
			{
				type: 'paragraph',
				content: [{ type: 'text', text: 'link', marks: [{ type: 'link', attrs: { href: v } }] }]
			},
			{ type: 'script', content: [{ type: 'text', text: v }] },
			{
				type: 'heading',
				attrs: { level: v },
				content: [{ type: 'text', text: v, marks: [{ type: 'bold', attrs: { style: v } }] }]
			}
		])
	};
}

test('the stored results of every XSS vector render, for staff and for the child, without running any script', async ({
	page,
	context
}) => {
	test.setTimeout(180_000);
	const world = buildMatrixWorld();
	const db = e2eDb();
	const actor = actorFor(db, world.w.keyWorker);
	const childId = world.w.child.profile.id;
	const all = [...xssVectors, ...xssUrls];
	for (let i = 0; i < all.length; i += 24) {
		const group = all.slice(i, i + 24);
		const body = sanitiseDoc(hostile(group));
		const draft = createDraft(
			db,
			actor,
			childId,
			entryInput({
				title: group[0]!.slice(0, 160),
				body,
				nature: 'opinion',
				opinionReasons: group[1] ?? 'x',
				sourceKind: 'person',
				sourceName: (group[2] ?? 'x').slice(0, 200),
				sourceRelationship: (group[3] ?? 'x').slice(0, 200),
				translation: {
					locale: 'cy',
					title: (group[4] ?? 'x').slice(0, 160),
					body,
					translatedBy: (group[5] ?? 'x').slice(0, 200)
				}
			})
		);
		finaliseEntry(db, actor, draft.id, null);
	}
	await context.addInitScript(() => {
		const w = window as unknown as { __xss: (n: number) => void; __xssCalls: number[] };
		w.__xssCalls = [];
		w.__xss = (n) => w.__xssCalls.push(n);
	});
	const dialogs: string[] = [];
	page.on('dialog', (dialog) => {
		dialogs.push(dialog.message());
		void dialog.dismiss();
	});
	const readAll = async (cookie: string, start: string) => {
		const [name, value] = cookie.split('=');
		await context.clearCookies();
		await context.addCookies([{ name: name!, value: value!, url: baseURL }]);
		let cards = 0;
		// Each page by its number, loaded whole (and hydrated) before it is read.
		for (let n = 1; ; n++) {
			await page.goto(`${start}?page=${n}`);
			await page.waitForLoadState('networkidle');
			cards += await page.locator('article.entry-card').count();
			expect(
				await page.evaluate(() => (window as unknown as { __xssCalls: number[] }).__xssCalls)
			).toEqual([]);
			if (!(await page.locator('a[rel="next"]').count())) break;
		}
		return cards;
	};
	const written = Math.ceil(all.length / 24);
	expect(
		await readAll(world.cookieFor('key_worker')!, `/children/${childId}/record`)
	).toBeGreaterThanOrEqual(written);
	await context.addCookies([{ name: 'waymark-lang', value: 'cy', url: baseURL }]);
	expect(await readAll(world.cookieFor('child')!, '/me/record')).toBeGreaterThanOrEqual(written);
	expect(dialogs).toEqual([]);
});
