import { and, asc, eq, inArray } from 'drizzle-orm';
import { zipSync, strToU8 } from 'fflate';
import type { Db } from '../db';
import { entry, media } from '../db/schema';
import * as access from '../access';
import * as accessLog from '../audit/access-log';
import { mediaFile, readMedia } from '../media';

/**
 * Everything the child added, to keep: one JSON file in plain words and fields, and their photos
 * and recordings as the files themselves. Open formats only, readable without Waymark.
 */
export async function exportOwn(
	db: Db,
	actor: access.Actor,
	address: string | null,
	now = new Date()
): Promise<Uint8Array> {
	if (!actor.childId) throw new access.AccessDenied();
	const relation = access.requireChild(db, actor, 'writeOwn', actor.childId, now);
	// In the access scope too: what a private seal hides stays out of the download.
	const rows = db
		.select()
		.from(entry)
		.where(
			and(
				access.entryScope(actor, relation),
				eq(entry.authorUserId, actor.id),
				eq(entry.status, 'final')
			)
		)
		.orderBy(asc(entry.eventSort), asc(entry.recordedAt))
		.all()
		// The download holds each entry's words: only what the rule shows in full, never a note.
		.filter((r) => access.entryView(actor, relation, r) === 'full');
	const files = rows.length
		? db
				.select()
				.from(media)
				.where(
					inArray(
						media.entryId,
						rows.map((r) => r.id)
					)
				)
				.all()
		: [];
	const zip: Record<string, Uint8Array> = {};
	const fileName = (m: (typeof files)[number]) =>
		`media/${m.id}.${m.kind === 'photo' ? 'webp' : m.extension}`;
	const missing = new Set<string>();
	for (const m of files) {
		try {
			zip[fileName(m)] = new Uint8Array(
				await readMedia(mediaFile(m.id, m.kind === 'photo' ? 'display' : 'audio', m.extension))
			);
		} catch {
			// A lost file must not stop the child keeping everything else; the JSON says so.
			missing.add(m.id);
		}
	}
	const story = rows.map((r) => ({
		kind: r.kind,
		title: r.title,
		words: r.bodyText,
		when: { date: r.eventDate, precision: r.eventPrecision, inWords: r.eventLabel },
		sentOn: r.recordedAt?.toISOString() ?? null,
		whoCouldSeeIt: r.visibility,
		helpedBy: r.sourceKind === 'helped' ? r.sourceName : null,
		answers: r.details?.answers ?? null,
		feelings: r.details?.feelings ?? null,
		place: r.details?.place ?? null,
		people: r.details?.people ?? null,
		ageThen: r.details?.age ?? null,
		files: files
			.filter((m) => m.entryId === r.id)
			.map((m) => ({ file: missing.has(m.id) ? null : fileName(m), caption: m.caption }))
	}));
	zip['my-story.json'] = strToU8(
		JSON.stringify({ exportedAt: now.toISOString(), name: actor.displayName, story }, null, 2)
	);
	accessLog.record(db, { actor, action: 'record-exported', childId: actor.childId, address }, now);
	return zipSync(zip, { level: 6 });
}
