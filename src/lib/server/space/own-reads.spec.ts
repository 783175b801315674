import { describe, expect, it } from 'vitest';
import { unzipSync, strFromU8 } from 'fflate';
import { createTestDb } from '../test/db';
import { actorFor, appendRow, childEntryInput, makeWorld } from '../test/factories';
import { actorFrom } from '../access';
import { privateSealDuration } from '../access/seal';
import { docFromPlainText } from '../record/sanitise';
import { createChildDraft, sendChildEntry } from './child-entries';
import { exportEverything } from '../export/everything';
import { createI18n } from '../../i18n';
import { myViews } from '../read-model/views';

const hour = 3600 * 1000;

/**
 * What the child reads of their own things (the download, My views) comes through the access
 * rules like everything else: a sealed "just me" item, or a row the rule shows only as a note,
 * never comes out whole.
 */
function setup() {
	const db = createTestDb();
	const w = makeWorld(db);
	const account = w.child.account!;
	const child = actorFor(db, account);
	const before = new Date(Date.now() - 3 * hour);
	const send = (visibility: 'just_me' | 'workers', kind: 'view' | 'life_event', words: string) =>
		sendChildEntry(
			db,
			child,
			createChildDraft(
				db,
				child,
				childEntryInput({ kind, visibility, body: docFromPlainText(words) }),
				before
			).id,
			null,
			before
		);
	// Whoever signed in with a code an hour ago holds the account under the seal.
	const sealed = actorFrom(
		{ ...account, privateSealedUntil: new Date(Date.now() - hour + privateSealDuration) },
		w.child.profile.id
	);
	return { db, w, child, sealed, send };
}

async function exported(db: ReturnType<typeof setup>['db'], actor: ReturnType<typeof actorFrom>) {
	const i18n = await createI18n('en-GB');
	const chunks: Uint8Array[] = [];
	const zip = exportEverything(db, actor, {
		text: { t: i18n.t, locale: 'en-GB', dir: 'ltr' },
		address: null
	});
	for await (const chunk of zip) chunks.push(chunk);
	const files = unzipSync(new Uint8Array(Buffer.concat(chunks)));
	return strFromU8(files['record.json']!) + strFromU8(files['record.html']!);
}

describe("the child's download of everything they added", () => {
	it('holds their "just me" things, but not under a seal', async () => {
		const { db, child, sealed, send } = setup();
		send('just_me', 'life_event', 'A private memory');
		send('workers', 'life_event', 'A memory for my workers');
		expect(await exported(db, child)).toContain('A private memory');
		const underSeal = await exported(db, sealed);
		expect(underSeal).not.toContain('A private memory');
		expect(underSeal).toContain('A memory for my workers');
	});

	it('never holds the words of a row the rules show only as a note of lodging', async () => {
		const { db, w, child } = setup();
		// The forms never let a child lodge a confidential item: a row written straight in.
		appendRow(db, w.child.account!, w.child.profile.id, {
			kind: 'life_event',
			visibility: 'confidential',
			bodyDoc: docFromPlainText('Lodged words').doc,
			bodyText: 'Lodged words'
		});
		expect(await exported(db, child)).not.toContain('Lodged words');
	});
});

describe('My views', () => {
	it('leave out a "just me" view under a seal', () => {
		const { db, child, sealed, send } = setup();
		const privateView = send('just_me', 'view', 'What I really think');
		expect(myViews(db, child, 'en-GB').views.map((v) => v.id)).toEqual([privateView.id]);
		expect(myViews(db, sealed, 'en-GB').views).toEqual([]);
	});
});
