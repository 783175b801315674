import { createReadStream } from 'node:fs';
import { access as fileAccess } from 'node:fs/promises';
import { inArray } from 'drizzle-orm';
import type { Db } from '../db';
import { media } from '../db/schema';
import * as access from '../access';
import * as accessLog from '../audit/access-log';
import { cardsFor } from '../read-model/cards';
import { pageOf } from '../read-model/pages';
import { ageAt } from '../read-model/story';
import { myDisagreements } from '../disagreements/list';
import { mediaFile } from '../media';
import type { EntryCard } from '../../record/card';
import { zipChunks, type ZipEntry } from './zip-stream';
import * as book from './book';
import { cardJson, disagreementJson, lookJson, exportSchemaVersion } from './schema';

/**
 * "Download everything": all the person can see of their record, to keep. Exactly what their own
 * pages show them, through the same scope and rule (pageOf and cardsFor, as "My record" and
 * "My story"; the disagreements of "Things I said were wrong"; the access log of "Who has looked
 * at my record"): never staff-only, confidential (only the note that something was lodged),
 * third-party without permission, anything a private seal hides, or another child's.
 *
 * Out comes a zip, written while it is read: `record.html` (a book for any browser),
 * `record.json` (docs/export-schema.md) and `media/` (the stored copies, without metadata). The
 * record is read a page of entries at a time and each file is streamed from disk, so the server
 * never holds the whole record or all the media.
 */

/** Entries read at once: a few hundred cards at most in memory. */
export const exportPageSize = 200;
/** Rows of the access log read at once. */
const lookPageSize = 500;

const encoder = new TextEncoder();
const bytes = (s: string) => encoder.encode(s);
/** Lets other requests in between pages (the database calls themselves are synchronous). */
const breathe = () => new Promise<void>((resolve) => setImmediate(resolve));

type Page = { cards: EntryCard[]; eventDates: string[]; files: Map<string, string | null> };

export type ExportOptions = {
	text: book.BookText;
	address: string | null;
	now?: Date;
	pageSize?: number;
};

/**
 * Checks the person may download their record, writes "record-exported" to the access log and
 * returns the zip's chunks. Throws AccessDenied before anything is written.
 */
export function exportEverything(db: Db, actor: access.Actor, options: ExportOptions) {
	if (!actor.childId) throw new access.AccessDenied();
	const now = options.now ?? new Date();
	const relation = access.requireChild(db, actor, 'viewRecord', actor.childId, now);
	// The access log is theirs to see: the same check as "Who has looked at my record".
	access.requireChild(db, actor, 'viewAccessLog', actor.childId, now);
	const childId = actor.childId;
	const size = options.pageSize ?? exportPageSize;
	const { text } = options;
	accessLog.record(
		db,
		{ actor, action: 'record-exported', childId, address: options.address },
		now
	);

	/** The record a page at a time, as "My record" reads it, with where each file goes. */
	async function* pages(): AsyncGenerator<Page> {
		for (let page = 1, last = 1; page <= last; page++) {
			const list = pageOf(db, actor, relation, { withoutAttached: true }, page, size);
			last = list.pages;
			const cards = cardsFor(db, actor, relation, list.rows, text.locale);
			const ids = cards.flatMap((c) => (c.view === 'full' ? c.media.map((m) => m.id) : []));
			const files = new Map<string, string | null>();
			if (ids.length) {
				const rows = db
					.select({ id: media.id, kind: media.kind, extension: media.extension })
					.from(media)
					.where(inArray(media.id, ids))
					.all();
				for (const m of rows) {
					const [variant, extension] =
						m.kind === 'photo' ? (['display', 'webp'] as const) : (['audio', m.extension] as const);
					const stored = mediaFile(m.id, variant, extension);
					// A lost file must not stop the person keeping everything else; the JSON says so.
					const there = await fileAccess(stored).then(
						() => true,
						() => false
					);
					files.set(m.id, there ? `media/${m.id}.${extension}` : null);
				}
			}
			yield { cards, eventDates: list.rows.map((r) => r.eventDate), files };
			await breathe();
		}
	}

	async function* looks() {
		for (let offset = 0; ; offset += lookPageSize) {
			const rows = accessLog.viewsOfChild(db, childId, actor.id, lookPageSize, offset);
			yield* rows;
			if (rows.length < lookPageSize) return;
			await breathe();
		}
	}

	const disagreements = () => myDisagreements(db, actor, now);

	async function* json(): AsyncGenerator<Uint8Array> {
		const head = {
			schemaVersion: exportSchemaVersion,
			schema: 'docs/export-schema.md',
			exportedAt: now.toISOString(),
			language: text.locale,
			person: { name: relation.child.preferredName, dateOfBirth: relation.child.dateOfBirth }
		};
		yield bytes(`${JSON.stringify(head, null, '\t').slice(0, -2)},\n\t"entries": [`);
		let first = true;
		for await (const page of pages()) {
			let out = '';
			for (const card of page.cards) {
				out += (first ? '' : ',') + '\n\t\t' + JSON.stringify(cardJson(card, page.files));
				first = false;
			}
			yield bytes(out);
		}
		yield bytes(`\n\t],\n\t"disagreements": [`);
		yield bytes(
			disagreements()
				.map((d, i) => (i ? ',' : '') + '\n\t\t' + JSON.stringify(disagreementJson(d)))
				.join('')
		);
		yield bytes(`\n\t],\n\t"whoLooked": [`);
		first = true;
		for await (const look of looks()) {
			yield bytes((first ? '' : ',') + '\n\t\t' + JSON.stringify(lookJson(look)));
			first = false;
		}
		yield bytes('\n\t]\n}\n');
	}

	async function* html(): AsyncGenerator<Uint8Array> {
		const mine = disagreements();
		yield bytes(
			book.bookStart(text, { name: relation.child.preferredName }, now, {
				disagreements: mine.length > 0
			})
		);
		let year: string | null = null;
		for await (const page of pages()) {
			const out: string[] = [];
			page.cards.forEach((card, i) => {
				if (card.view === 'neutral') {
					out.push(book.lodgedHtml(card.recordedAt, text));
					return;
				}
				const date = page.eventDates[i]!;
				if (date.slice(0, 4) !== year) {
					year = date.slice(0, 4);
					out.push(book.yearHeading(year, ageAt(relation.child.dateOfBirth, date), text.t));
				}
				out.push(book.entryHtml(card, page.files, text));
			});
			yield bytes(out.join(''));
		}
		if (mine.length) yield bytes(book.disagreementsHtml(mine, text));
		yield bytes(book.whoLookedStart(text));
		let any = false;
		for await (const look of looks()) {
			yield bytes(book.lookHtml(look, text));
			any = true;
		}
		yield bytes(book.bookEnd(text, any));
	}

	async function* files(): AsyncGenerator<ZipEntry> {
		yield { name: 'record.html', compress: true, chunks: html };
		yield { name: 'record.json', compress: true, chunks: json };
		yield { name: 'README.txt', compress: true, chunks: readme };
		for await (const page of pages()) {
			for (const card of page.cards) {
				if (card.view !== 'full') continue;
				for (const m of card.media) {
					const name = page.files.get(m.id);
					if (!name) continue;
					const extension = name.slice(name.lastIndexOf('.') + 1);
					const stored = mediaFile(m.id, m.kind === 'photo' ? 'display' : 'audio', extension);
					yield {
						name,
						compress: false,
						chunks: () => createReadStream(stored, { highWaterMark: 64 * 1024 })
					};
				}
			}
		}
	}

	async function* readme(): AsyncGenerator<Uint8Array> {
		yield bytes(
			`${text.t('space.keep.readme')}\n\nrecord.html\nrecord.json (schemaVersion ${exportSchemaVersion})\nmedia/\n`
		);
	}

	return zipChunks(files(), now);
}
