import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import Ajv2020 from 'ajv/dist/2020';
import { strFromU8, unzipSync } from 'fflate';
import { createTestDb } from '../test/db';
import {
	actorFor,
	appendRow,
	assignTo,
	entryInput,
	finalEntry,
	makeWorld
} from '../test/factories';
import { createDraft } from '../record/write';
import { docFromPlainText } from '../record/sanitise';
import * as accessLog from '../audit/access-log';
import { addDays, today } from '../dates/day';
import { createI18n } from '../../i18n';
import { exportEverything } from './everything';
import { exportSchemaVersion } from './schema';

const canary = 'CANARY-7f3a';

/** A record holding everything a child may and may not see, each thing marked by its words. */
function setup() {
	const db = createTestDb();
	const w = makeWorld(db);
	const childId = w.child.profile.id;
	const write = (words: string, overrides: Parameters<typeof entryInput>[0] = {}) =>
		finalEntry(db, w.keyWorker, childId, {
			title: words,
			body: docFromPlainText(`${words} body`),
			...overrides
		});
	write('Shared fact');
	write('Shared opinion', { nature: 'opinion', opinionReasons: 'Because I saw it' });
	write('Late entry', { eventDate: addDays(today(), -10) });
	write('Told with permission', {
		nature: 'third_party',
		sourceKind: 'document',
		sourceName: 'School report',
		thirdPartyPermission: true
	});
	// The forms refuse to share third-party information without permission: written straight in.
	appendRow(db, w.keyWorker, childId, {
		kind: 'record_entry',
		visibility: 'shared',
		title: `${canary} third party`,
		nature: 'third_party',
		sourceKind: 'document',
		sourceName: `${canary} source`,
		thirdPartyPermission: false
	});
	write(`${canary} staff only`, { visibility: 'staff_only' });
	write(`${canary} confidential`, {
		visibility: 'confidential',
		confidentialReason: `${canary} reason`
	});
	createDraft(
		db,
		actorFor(db, w.keyWorker),
		childId,
		entryInput({ title: `${canary} draft`, body: docFromPlainText(`${canary} draft`) })
	);
	// Another child's record, by a worker of both.
	assignTo(db, w.keyWorker, w.otherChild.profile.id, 'key_worker');
	finalEntry(db, w.keyWorker, w.otherChild.profile.id, { title: `${canary} other child` });
	accessLog.record(db, {
		actor: actorFor(db, w.keyWorker),
		action: 'record-viewed',
		childId,
		address: null
	});
	return { db, w, child: actorFor(db, w.child.account!) };
}

async function download(
	db: ReturnType<typeof setup>['db'],
	actor: ReturnType<typeof setup>['child'],
	pageSize?: number
) {
	const i18n = await createI18n('en-GB');
	const chunks: Uint8Array[] = [];
	for await (const chunk of exportEverything(db, actor, {
		text: { t: i18n.t, locale: 'en-GB', dir: 'ltr' },
		address: null,
		pageSize
	}))
		chunks.push(chunk);
	const files = unzipSync(new Uint8Array(Buffer.concat(chunks)));
	const json = JSON.parse(strFromU8(files['record.json']!));
	return { files, json, html: strFromU8(files['record.html']!) };
}

type Entry = { kind: string; title?: string; labels?: Record<string, unknown> };

describe('Download everything', () => {
	it('holds every staff entry shared with the child, with its labels', async () => {
		const { db, child } = setup();
		const { json, html } = await download(db, child);
		expect(json.schemaVersion).toBe(exportSchemaVersion);
		const byTitle = new Map<string, Entry>(
			(json.entries as Entry[]).filter((e) => e.title).map((e) => [e.title!, e])
		);
		expect(byTitle.get('Shared fact')?.labels?.nature).toBe('fact');
		expect(byTitle.get('Shared opinion')?.labels?.opinionReasons).toBe('Because I saw it');
		expect(byTitle.get('Late entry')?.labels?.lateEntry).toBe(true);
		expect(byTitle.get('Told with permission')?.labels?.thirdParty).toBe(true);
		// The confidential section shows only that something was lodged, as on "My record".
		expect(json.entries.some((e: Entry) => e.kind === 'lodged_in_confidential_section')).toBe(true);
		expect(json.whoLooked).toHaveLength(1);
		for (const words of ['Shared fact', 'This is a fact.', 'Written late', 'School report'])
			expect(html).toContain(words);
		expect(html).toContain('<html lang="en-GB" dir="ltr">');
	});

	it('puts a hard part behind its content note, in the book and in the JSON', async () => {
		const { db, w, child } = setup();
		const note = 'This part is about why you came into care.';
		finalEntry(db, w.keyWorker, w.child.profile.id, {
			title: 'Why you came into care',
			body: docFromPlainText('Hard words here'),
			contentNote: note
		});
		const { json, html } = await download(db, child);
		const entry = (json.entries as (Entry & { contentNote?: string })[]).find(
			(e) => e.title === 'Why you came into care'
		);
		expect(entry?.contentNote).toBe(note);
		const article = html.slice(html.indexOf('Why you came into care'));
		const at = article.indexOf(note);
		const fold = article.indexOf('<details class="hard">');
		const words = article.indexOf('Hard words here');
		expect(at).toBeGreaterThan(0);
		expect(fold).toBeGreaterThan(at);
		expect(words).toBeGreaterThan(fold);
		expect(article.indexOf('</details>')).toBeGreaterThan(words);
	});

	it('never holds staff-only, confidential, third-party without permission, drafts or another child', async () => {
		const { db, child } = setup();
		const { files } = await download(db, child);
		expect(Object.keys(files)).toEqual(['record.html', 'record.json', 'README.txt']);
		for (const [name, bytes] of Object.entries(files))
			expect(strFromU8(bytes), name).not.toContain(canary);
	});

	it('holds all of the record, not one page of it', async () => {
		const { db, w, child } = setup();
		for (let i = 0; i < 7; i++)
			finalEntry(db, w.keyWorker, w.child.profile.id, { title: `More ${i}` });
		const small = await download(db, child, 2);
		const whole = await download(db, child);
		expect(small.json.entries).toHaveLength(whole.json.entries.length);
		expect(small.json.entries.length).toBeGreaterThanOrEqual(12);
		expect(small.html).toContain('More 6');
	});

	it('matches its documented schema (docs/export.schema.json)', async () => {
		const { db, child } = setup();
		const { json } = await download(db, child);
		const schema = JSON.parse(
			fs.readFileSync(new URL('../../../../docs/export.schema.json', import.meta.url), 'utf8')
		);
		const ajv = new Ajv2020({ allErrors: true, allowUnionTypes: true, strictTypes: false });
		ajv.addFormat('date-time', /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/);
		const valid = ajv.validate(schema, json);
		expect(ajv.errors ?? []).toEqual([]);
		expect(valid).toBe(true);
	});

	it('is refused to staff', async () => {
		const { db, w } = setup();
		expect(() =>
			exportEverything(db, actorFor(db, w.keyWorker), {
				text: { t: ((k: string) => k) as never, locale: 'en-GB', dir: 'ltr' },
				address: null
			})
		).toThrow();
	});
});
