import { eq } from 'drizzle-orm';
import { expect, test } from './fixtures/test';
import { buildMatrixWorld } from './fixtures/world';
import { e2eDb } from './fixtures/server';
import { crawl } from './fixtures/crawl';
import { baseURL } from './fixtures/env';
import { actorFor, assignTo, entryInput } from '../src/lib/server/test/factories';
import { createDraft, finaliseEntry } from '../src/lib/server/record/write';
import { docFromPlainText } from '../src/lib/server/record/sanitise';
import { entry } from '../src/lib/server/db/schema';
import { childEntryInput } from '../src/lib/server/test/factories';
import { createChildDraft, sendChildEntry } from '../src/lib/server/space/child-entries';
import { askForHelp } from '../src/lib/server/space/help';
import { startDisagreement } from '../src/lib/server/disagreements/disagree';
import { createIntegrationToken, integrationFor } from '../src/lib/server/integrations/tokens';
import { changedItems } from '../src/lib/server/integrations/pull';
import { unzipSync, strFromU8 } from 'fflate';
import { updateOwnIdentity } from '../src/lib/server/children/identity';
import { recordConsent } from '../src/lib/server/consent/consent';

/**
 * Markers planted in material a child must never see (confidential, staff-only, third-party
 * without permission, a worker's draft): signed in as the child, a care leaver, an advocate and
 * a personal adviser (who must not see another child's record, nor the care leaver's "just me"),
 * every page, data endpoint and service-worker cache they reach holds each marker 0 times.
 */
test('no confidential, staff-only or third-party material reaches a child, a care leaver or an advocate; no other record reaches a personal adviser', async ({
	request,
	page,
	context
}) => {
	// About 2 minutes on a quiet machine; room for the other worker's tests beside it.
	test.setTimeout(360_000);
	const world = buildMatrixWorld();
	const db = e2eDb();
	const { w } = world;
	const tag = Math.random().toString(36).slice(2, 8).toUpperCase();
	const markers: string[] = [];
	const markAll = (what: string) => {
		const marker = `CANARY${what}${tag}`;
		markers.push(marker);
		return marker;
	};
	// Each record's markers are its own (MAYA..., LEAVER...), so that a reader allowed one record
	// is still caught reading the other.
	const plant = (childId: string, author: typeof w.keyWorker, whose: string) => {
		const mark = (what: string) => markAll(`${whose}${what}`);
		const actor = actorFor(db, author);
		const write = (overrides: Parameters<typeof entryInput>[0], final = true) => {
			const draft = createDraft(db, actor, childId, entryInput(overrides));
			if (final) finaliseEntry(db, actor, draft.id, null);
			return draft.id;
		};
		const secret = (what: string) => ({
			title: mark(`${what}TITLE`),
			body: docFromPlainText(`Text ${mark(`${what}BODY`)}`),
			opinionReasons: mark(`${what}REASON`),
			nature: 'opinion' as const
		});
		const ids = [
			write({ ...secret('CONF'), visibility: 'confidential', confidentialReason: mark('CONFWHY') }),
			write({ ...secret('STAFF'), visibility: 'staff_only' }),
			write({ ...secret('DRAFT'), visibility: 'shared' }, false),
			write({
				title: mark('TPTITLE'),
				body: docFromPlainText(mark('TPBODY')),
				nature: 'third_party',
				sourceKind: 'person',
				sourceName: mark('TPSOURCE'),
				sourceRelationship: 'aunt',
				visibility: 'staff_only'
			})
		];
		// Third-party information without permission that slipped into "shared" (an older import,
		// a mistake): the read rule alone must keep it from the child.
		const slipped = createDraft(db, actor, childId, entryInput({ title: 'ordinary' }));
		db.update(entry)
			.set({
				title: mark('SLIPTITLE'),
				nature: 'third_party',
				thirdPartyPermission: false,
				sourceKind: 'person',
				sourceName: mark('SLIPSOURCE')
			})
			.where(eq(entry.id, slipped.id))
			.run();
		finaliseEntry(db, actor, slipped.id, null);
		// Something they may see, so the pages are not simply empty.
		write({ title: `Shared with them ${tag}`, body: docFromPlainText('A day out at the beach.') });
		return [...ids, slipped.id];
	};
	assignTo(db, w.socialWorker, w.careLeaver.profile.id, 'social_worker');
	const hiddenFromMaya = plant(w.child.profile.id, w.keyWorker, 'MAYA');
	// What the care leaver's personal adviser must never see: another child's record.
	const othersMarkers = [...markers];
	const hidden = [...hiddenFromMaya, ...plant(w.careLeaver.profile.id, w.socialWorker, 'LEAVER')];

	// A disagreement with what was shared, so its pages are crawled too (by the advocate as well).
	const sharedWithMaya = db
		.select()
		.from(entry)
		.where(eq(entry.title, `Shared with them ${tag}`))
		.all()
		.find((e) => e.childId === w.child.profile.id)!;
	const disagreement = sendChildEntry(
		db,
		actorFor(db, w.child.account!),
		startDisagreement(
			db,
			actorFor(db, w.child.account!),
			sharedWithMaya.id,
			{ wrong: 'That is not what happened.', happened: '', wants: ['addSide'] },
			null
		).id,
		null
	);

	// What the child keeps from their advocate: "just me", "me and my workers", a call for help.
	const child = actorFor(db, w.child.account!);
	const advocateMarkers: string[] = [];
	const markForAdvocate = (what: string) => {
		const marker = `CANARY${what}${tag}`;
		advocateMarkers.push(marker);
		return marker;
	};
	for (const visibility of ['just_me', 'workers'] as const) {
		const draft = createChildDraft(
			db,
			child,
			childEntryInput({
				visibility,
				title: markForAdvocate(`${visibility.toUpperCase()}TITLE`),
				body: docFromPlainText(markForAdvocate(`${visibility.toUpperCase()}BODY`)),
				details: { place: markForAdvocate(`${visibility.toUpperCase()}PLACE`) }
			})
		);
		sendChildEntry(db, child, draft.id, null);
	}
	askForHelp(db, child, 'unsafe', markForAdvocate('HELP'), null);

	// How a child describes themself and their answers about sharing: never another child's, and
	// not for the advocate (the profile's readers only).
	const ownWords = (actor: typeof child, marker: (what: string) => string) =>
		updateOwnIdentity(
			db,
			actor,
			{
				preferredName: actor.displayName,
				pronouns: null,
				ownCulture: marker('CULTURE'),
				ownReligion: null,
				ownLanguages: null,
				ownAboutMe: marker('ABOUTME')
			},
			null
		);
	const askedWhy = (author: typeof w.manager, childId: string, marker: (what: string) => string) =>
		recordConsent(
			db,
			actorFor(db, author),
			childId,
			{
				purpose: 'other',
				purposeOther: marker('PURPOSE'),
				answer: 'cannot_ask',
				reason: marker('WHY'),
				askedBy: 'A manager',
				askedOn: '2026-01-01'
			},
			null
		);
	const mayaIdentity: string[] = [];
	const leaverIdentity: string[] = [];
	const markIn = (list: string[]) => (what: string) => {
		const marker = markForAdvocate(`${what}${list === mayaIdentity ? 'MAYA' : 'LEAVER'}`);
		list.push(marker);
		return marker;
	};
	ownWords(child, markIn(mayaIdentity));
	askedWhy(w.manager, w.child.profile.id, markIn(mayaIdentity));
	ownWords(actorFor(db, w.careLeaver.account!), markIn(leaverIdentity));
	askedWhy(w.socialWorker, w.careLeaver.profile.id, markIn(leaverIdentity));

	// The care leaver's "just me": never for their personal adviser (nor any member of staff).
	const leaver = actorFor(db, w.careLeaver.account!);
	const leaverPrivate = [`CANARYLEAVERTITLE${tag}`, `CANARYLEAVERBODY${tag}`];
	sendChildEntry(
		db,
		leaver,
		createChildDraft(
			db,
			leaver,
			childEntryInput({
				visibility: 'just_me',
				title: leaverPrivate[0],
				body: docFromPlainText(leaverPrivate[1]!)
			})
		).id,
		null
	);

	const readers = [
		{
			role: 'child' as const,
			starts: [
				'/me',
				'/me/record',
				'/me/who-looked',
				'/me/about-me',
				'/me/sharing',
				'/glossary',
				'/me/story',
				'/me/views',
				'/me/disagreements'
			],
			forbidden: [...markers, ...leaverIdentity]
		},
		{
			role: 'care_leaver' as const,
			starts: [
				'/me',
				'/me/record',
				'/me/chapters',
				'/me/break',
				'/me/who-looked',
				'/me/story',
				'/me/disagreements'
			],
			forbidden: [...markers, ...mayaIdentity]
		},
		{
			role: 'personal_adviser' as const,
			// The care leaver's own words and sharing answers are for their personal adviser (a case
			// worker of theirs), though not for an advocate.
			forbidden: [
				...othersMarkers,
				...advocateMarkers.filter((marker) => !leaverIdentity.includes(marker)),
				...leaverPrivate,
				...mayaIdentity
			],
			starts: [
				'/children',
				'/inbox',
				`/children/${w.careLeaver.profile.id}`,
				`/children/${w.careLeaver.profile.id}/record`,
				...hiddenFromMaya.map((id) => `/children/${w.child.profile.id}/record/${id}`)
			]
		},
		{
			role: 'advocate' as const,
			forbidden: [...markers, ...advocateMarkers],
			starts: [
				'/children',
				'/inbox',
				`/disagreements/${disagreement.id}`,
				`/children/${w.child.profile.id}`,
				`/children/${w.child.profile.id}/record`,
				...hidden.map((id) => `/children/${w.child.profile.id}/record/${id}`)
			]
		}
	];
	for (const reader of readers) {
		const cookie = world.cookieFor(reader.role)!;
		const visited = await crawl(request, cookie, reader.starts);
		expect(visited.length, reader.role).toBeGreaterThan(reader.starts.length);
		expect(
			visited.some((v) => v.body.includes(`Shared with them ${tag}`)),
			reader.role
		).toBe(true);
		for (const { url, body } of visited) {
			for (const marker of reader.forbidden)
				expect(body.includes(marker), `${reader.role} ${url}: ${marker}`).toBe(false);
		}
		// The download of everything they added is compressed: read inside it too.
		if (reader.role === 'child' || reader.role === 'care_leaver') {
			const zip = await request.get('/me/export', { headers: { cookie } });
			expect(zip.status()).toBe(200);
			const files = unzipSync(new Uint8Array(await zip.body()));
			const text = Object.values(files)
				.map((f) => strFromU8(f))
				.join('\n');
			expect(text.length).toBeGreaterThan(0);
			for (const marker of reader.forbidden)
				expect(text.includes(marker), `${reader.role} export: ${marker}`).toBe(false);
		}
		// And in a real browser: nothing of it in any cache the service worker keeps.
		const [name, value] = cookie.split('=');
		await context.clearCookies();
		await context.addCookies([{ name: name!, value: value!, url: baseURL }]);
		for (const start of reader.starts.slice(0, 3)) await page.goto(start);
		await page.evaluate(async () => navigator.serviceWorker.ready);
		const cached = await page.evaluate(async () => {
			let text = '';
			for (const key of await caches.keys()) {
				const cache = await caches.open(key);
				for (const request of await cache.keys())
					text += await (await cache.match(request))!.text();
			}
			return text;
		});
		for (const marker of reader.forbidden)
			expect(cached.includes(marker), `${reader.role} cache: ${marker}`).toBe(false);
	}

	// What the case system pulls (as the API serves it, once the items have settled).
	const { token } = createIntegrationToken(db, actorFor(db, w.admin), 'Canary', null);
	const integration = integrationFor(db, token)!;
	const later = new Date(Date.now() + 10 * 60_000);
	let cursor: string | null = null;
	let pulled = '';
	for (let i = 0; i < 100; i++) {
		const page = changedItems(db, integration, { cursor, limit: 100, now: later });
		pulled += JSON.stringify(page.items);
		if (!page.hasMore) break;
		cursor = page.nextCursor;
	}
	expect(pulled).toContain('That is not what happened.');
	for (const marker of [...markers, ...advocateMarkers])
		expect(pulled.includes(marker), `case-system pull: ${marker}`).toBe(false);
});
