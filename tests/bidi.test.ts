import { eq } from 'drizzle-orm';
import type { Locator, Page } from '@playwright/test';
import { expect, test } from './fixtures/test';
import { baseURL, e2eDb, sessionCookie } from './fixtures/server';
import { user } from '../src/lib/server/db/schema';
import { actorFor, childEntryInput, finalEntry, makeWorld } from '../src/lib/server/test/factories';
import { docFromPlainText } from '../src/lib/server/record/sanitise';
import { createChildDraft, sendChildEntry } from '../src/lib/server/space/child-entries';
import { startDisagreement } from '../src/lib/server/disagreements/disagree';
import { readMessages } from '../src/tooling/messages';

// Arabic pages holding English words: what a child and her social worker wrote stays in its own
// direction ("I saw Leo." never ".I saw Leo"), and the fixed words around it are Arabic.

const ar = readMessages('messages', 'ar');

/** A child reading in Arabic, a social worker who writes in English, and what each wrote. */
function arabicWorld() {
	const db = e2eDb();
	const w = makeWorld(db);
	const child = w.child.account!;
	// Both have passwords, so the sessions made below are complete.
	const password = { passwordHash: 'not-used-by-these-tests' };
	db.update(user)
		.set({ locale: 'ar', ...password })
		.where(eq(user.id, child.id))
		.run();
	db.update(user)
		.set({ displayName: 'Priya Shah', postTitle: 'Social worker', locale: 'ar', ...password })
		.where(eq(user.id, w.socialWorker.id))
		.run();
	const worker = db.select().from(user).where(eq(user.id, w.socialWorker.id)).get()!;
	const visit = finalEntry(db, worker, w.child.profile.id, {
		title: 'School visit',
		body: docFromPlainText('Maya read to the class.'),
		sourceKind: 'person',
		sourceName: 'Sally Thompson',
		sourceRelationship: 'mother'
	});
	const actor = actorFor(db, child);
	const memory = createChildDraft(
		db,
		actor,
		childEntryInput({
			kind: 'memory',
			title: 'Leo seen.',
			body: docFromPlainText('رأيت أخي في الحديقة\n\nI saw Leo.')
		})
	);
	sendChildEntry(db, actor, memory.id, null);
	const draft = startDisagreement(
		db,
		actor,
		visit.id,
		{ wrong: 'It was Leo, not me.', happened: '', wants: ['addSide'] },
		null
	);
	const disagreement = sendChildEntry(db, actor, draft.id, null);
	return { w, child, worker, childId: w.child.profile.id, visit, disagreement };
}

/**
 * How `text` is kept apart from the words around it inside `within`: FSI ... PDI around it, or the
 * nearest element that isolates it (`bdi`, or one with `dir`). Null when nothing does.
 */
function isolationOf(within: Locator, text: string): Promise<string | null> {
	return within.evaluate((root, text) => {
		const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
		for (let node = walker.nextNode(); node; node = walker.nextNode()) {
			const data = node.nodeValue ?? '';
			if (!data.includes(text)) continue;
			if (data.includes(`\u2068${text}\u2069`)) return 'FSI…PDI';
			for (let el = node.parentElement; el && el !== root.parentElement; el = el.parentElement) {
				if (el.tagName === 'BDI') return 'bdi';
				if (el.hasAttribute('dir')) return `dir=${el.getAttribute('dir')}`;
			}
			return null;
		}
		throw new Error(`"${text}" is not on the page`);
	}, text);
}

/** Whether `text` is drawn left to right: its last character to the right of its first. */
function drawnLeftToRight(within: Locator, text: string): Promise<boolean> {
	return within.evaluate((root, text) => {
		const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
		for (let node = walker.nextNode(); node; node = walker.nextNode()) {
			const at = (node.nodeValue ?? '').indexOf(text);
			if (at < 0) continue;
			const box = (offset: number) => {
				const range = document.createRange();
				range.setStart(node, offset);
				range.setEnd(node, offset + 1);
				return range.getBoundingClientRect();
			};
			return box(at + text.length - 1).left > box(at).left;
		}
		throw new Error(`"${text}" is not on the page`);
	}, text);
}

async function asArabic(page: Page, userId: string) {
	await page
		.context()
		.addCookies([sessionCookie(userId), { name: 'waymark-lang', value: 'ar', url: baseURL }]);
}

test('on Arabic pages, English words keep their own direction and the fixed words are Arabic', async ({
	page,
	newContext
}) => {
	const world = arabicWorld();
	await asArabic(page, world.child.id);

	// My record: the social worker's entry, signed with her name and her role in Arabic.
	await page.goto('/me/record');
	await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
	const card = page.locator(`#entry-${world.visit.id}`);
	const footer = card.locator('footer');
	await expect(footer).toContainText(ar['roles.social_worker']!);
	await expect(footer).not.toContainText('Social worker');
	expect(await isolationOf(footer, 'Priya Shah')).not.toBeNull();
	expect(await isolationOf(footer, ar['roles.social_worker']!)).not.toBeNull();
	// Who told us: Sally Thompson, "your mother", in Arabic; her name isolated.
	const label = card.locator('.labels li', { hasText: 'Sally Thompson' });
	await expect(label).toContainText(ar['record.child.relationship.mother']!);
	await expect(label).not.toContainText('mother');
	expect(await isolationOf(label, 'Sally Thompson')).not.toBeNull();
	// The entry's own English words read left to right, full stop last.
	expect(await drawnLeftToRight(card, 'Maya read to the class.')).toBe(true);

	// My story: the memory's English title and its English paragraph after an Arabic one.
	await page.goto('/me/story');
	const memory = page.locator('article', { hasText: 'Leo seen.' });
	expect(await isolationOf(memory.locator('.entry-title'), 'Leo seen.')).not.toBeNull();
	expect(await drawnLeftToRight(memory, 'Leo seen.')).toBe(true);
	const english = memory.locator('p', { hasText: 'I saw Leo.' });
	await expect(english).toHaveAttribute('dir', 'auto');
	expect(await english.evaluate((p) => getComputedStyle(p).direction)).toBe('ltr');
	expect(await drawnLeftToRight(memory, 'I saw Leo.')).toBe(true);
	const arabic = memory.locator('p', { hasText: 'رأيت أخي' });
	expect(await arabic.evaluate((p) => getComputedStyle(p).direction)).toBe('rtl');

	// "I disagree": what the child said is wrong, in English, and the title in the sentence.
	await page.goto(`/me/disagreements/${world.disagreement.id}`);
	const main = page.locator('main');
	expect(await drawnLeftToRight(main, 'It was Leo, not me.')).toBe(true);
	expect(await isolationOf(main.locator('.lead'), 'School visit')).toBe('FSI…PDI');

	// The social worker, reading in Arabic: the relationship in Arabic, her post title isolated.
	const staff = await newContext();
	const staffPage = await staff.newPage();
	await asArabic(staffPage, world.worker.id);
	await staffPage.goto(`/children/${world.childId}/record`);
	await expect(staffPage.locator('html')).toHaveAttribute('dir', 'rtl');
	const staffCard = staffPage.locator(`#entry-${world.visit.id}`);
	const staffLabel = staffCard.locator('.labels li', { hasText: 'Sally Thompson' });
	await expect(staffLabel).toContainText(ar['record.staff.relationship.mother']!);
	await expect(staffLabel).not.toContainText('mother');
	expect(await isolationOf(staffCard.locator('footer'), 'Social worker')).not.toBeNull();
	expect(await isolationOf(staffCard.locator('footer'), 'Priya Shah')).not.toBeNull();
	// Names in lists of people stand in their own direction too.
	await staffPage.goto(`/children/${world.childId}`);
	expect(await isolationOf(staffPage.locator('main ul').first(), 'Priya Shah')).not.toBeNull();
});
