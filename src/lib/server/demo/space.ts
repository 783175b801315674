import { eq } from 'drizzle-orm';
import type { Db } from '../db';
import { childProfile, type EntryDetails, type User } from '../db/schema';
import { actorFrom, type Actor } from '../access';
import { docFromPlainText } from '../record/sanitise';
import { parseEventDate } from '../record/event-date';
import { createChildDraft, sendChildEntry } from '../space/child-entries';
import { addPhotos, addRecording, type Upload } from '../space/attachments';
import { scheduleMeeting } from '../space/meetings';
import { answerView, inboxFor, markRead } from '../space/inbox';
import type { ChildEntryInput } from '../space/input';
import {
	childItems,
	designatedTeacher,
	iroName,
	pastMeetings,
	type DemoChildItem,
	type Picture
} from './space-items';
import { silentOpusRecording } from './ogg';
import { paint } from './pictures';
import { dayOf } from '../dates/day';
export { oggCrc } from './ogg';

/**
 * The demo child's own space, written through the same functions the app uses: reviews her key
 * worker scheduled, the views she sent before them (one with a voice recording, some answered
 * with "you said, we did"), life events and memories with photos. The photos are painted here,
 * pixel by pixel, and go through `addPhotos` like any upload (re-encoded, metadata stripped).
 */

export type DemoSpacePeople = { maya: User; sam: User; priya: User; alex: User; chris: User };

export type DemoSpaceSummary = {
	meetings: number;
	views: number;
	lifeEvents: number;
	memories: number;
	photos: number;
	recordings: number;
	answers: number;
};

const minute = 60 * 1000;
const day = 24 * 60 * minute;

const isoDay = dayOf;

/** `days` after `from`, moved on to the Monday when it falls on a weekend. */
function schoolDay(from: Date, days: number): string {
	const d = new Date(from.getTime() + days * day);
	const weekday = d.getUTCDay();
	if (weekday === 6) d.setUTCDate(d.getUTCDate() + 2);
	if (weekday === 0) d.setUTCDate(d.getUTCDate() + 1);
	return isoDay(d);
}

export async function seedDemoSpace(
	db: Db,
	people: DemoSpacePeople,
	childId: string,
	now = new Date()
): Promise<DemoSpaceSummary> {
	const child = actorFrom(people.maya, childId);
	const staff = {
		sam: actorFrom(people.sam, null),
		priya: actorFrom(people.priya, null),
		alex: actorFrom(people.alex, null),
		chris: actorFrom(people.chris, null)
	};
	const profile = db.select().from(childProfile).where(eq(childProfile.id, childId)).get();
	if (!profile?.dateOfBirth) throw new Error('The demo child needs a date of birth');
	const birthYear = Number(profile.dateOfBirth.slice(0, 4));
	const summary: DemoSpaceSummary = {
		meetings: 0,
		views: 0,
		lifeEvents: 0,
		memories: 0,
		photos: 0,
		recordings: 0,
		answers: 0
	};

	// Reviews that already took place, so her views can say which one they were for. Demo data
	// never records the future: anything after `now` is left out.
	const meetingIds = new Map<string, string>();
	for (const m of pastMeetings) {
		const at = new Date(m.scheduledAt);
		if (at > now || m.date >= isoDay(now)) continue;
		const row = scheduleMeeting(
			db,
			staff.sam,
			childId,
			{ kind: m.kind, title: '', date: m.date, time: m.time, chairedBy: m.chairedBy },
			at
		);
		meetingIds.set(m.key, row.id);
		summary.meetings++;
	}

	// Everything she sent, and the answers to her views, in the order it happened.
	const sentIds = new Map<string, string>();
	const steps: { at: Date; run: () => Promise<void> }[] = [];
	for (const item of childItems) {
		const at = new Date(item.sentAt);
		if (at > now) continue;
		steps.push({
			at,
			run: async () => {
				const id = await sendItem(db, child, staff, item, at, birthYear, meetingIds, summary);
				sentIds.set(item.key, id);
			}
		});
		const answer = item.answer;
		if (answer && new Date(answer.at) <= now) {
			steps.push({
				at: new Date(answer.at),
				run: async () => {
					answerView(
						db,
						staff[answer.by],
						sentIds.get(item.key)!,
						answer.words,
						null,
						new Date(answer.at)
					);
					summary.answers++;
				}
			});
		}
	}
	steps.sort((a, b) => a.at.getTime() - b.at.getTime());
	for (const step of steps) await step.run();

	// Staff have read what she sent, the day after, except the latest views: those are new.
	const unread = new Set(childItems.filter((i) => i.leftUnread).map((i) => sentIds.get(i.key)));
	for (const reader of Object.values(staff)) {
		for (const item of inboxFor(db, reader, now)) {
			if (unread.has(item.id) || !item.recordedAt) continue;
			const readAt = new Date(Math.min(item.recordedAt.getTime() + day, now.getTime()));
			markRead(db, reader, item.id, readAt);
		}
	}

	// What is coming: her next looked-after review in three weeks, and her next PEP meeting.
	for (const next of [
		{ kind: 'looked_after_review', date: schoolDay(now, 21), time: '10:00', chairedBy: iroName },
		{ kind: 'pep_meeting', date: schoolDay(now, 77), time: '14:00', chairedBy: designatedTeacher }
	] as const) {
		scheduleMeeting(db, staff.sam, childId, { ...next, title: '' }, now);
		summary.meetings++;
	}
	return summary;
}

/** Writes one of her items as she would: a draft, its photos and voice, then sent. */
async function sendItem(
	db: Db,
	child: Actor,
	staff: Record<'sam' | 'priya' | 'alex', Actor>,
	item: DemoChildItem,
	sentAt: Date,
	birthYear: number,
	meetingIds: Map<string, string>,
	summary: DemoSpaceSummary
): Promise<string> {
	const started = new Date(sentAt.getTime() - 25 * minute);
	const attached = new Date(sentAt.getTime() - 10 * minute);
	const draft = createChildDraft(
		db,
		child,
		inputOf(item, started, birthYear, item.helpedBy ? staff[item.helpedBy].id : null, meetingIds),
		started
	);
	if (item.photos?.length) {
		const uploads: Upload[] = [];
		for (const photo of item.photos) {
			uploads.push({ bytes: await paint(photo.picture), caption: photo.caption });
		}
		const problems = await addPhotos(db, child, draft.id, uploads, attached);
		if (problems.length) throw new Error(`Demo photos refused: ${problems.join(', ')}`);
		summary.photos += uploads.length;
	}
	if (item.voice) {
		const problem = await addRecording(db, child, draft.id, silentOpusRecording(4), attached);
		if (problem) throw new Error(`Demo recording refused: ${problem}`);
		summary.recordings++;
	}
	const sent = sendChildEntry(db, child, draft.id, null, sentAt);
	if (item.kind === 'view') summary.views++;
	else if (item.kind === 'life_event') summary.lifeEvents++;
	else summary.memories++;
	return sent.id;
}

function inputOf(
	item: DemoChildItem,
	at: Date,
	birthYear: number,
	helpedBy: string | null,
	meetingIds: Map<string, string>
): ChildEntryInput {
	const details: ChildEntryInput['details'] = {};
	// As the child's form reads it: a view is dated the day it is written; anything else when
	// she says it happened, as exactly as she knows it (a day, a month, a year, or her age).
	let when: Pick<ChildEntryInput, 'eventDate' | 'eventPrecision' | 'eventLabel'> = {
		eventDate: isoDay(at),
		eventPrecision: 'day',
		eventLabel: null
	};
	if (item.kind === 'view') {
		details.answers = item.answers ?? {};
		const meetingId = item.meeting && meetingIds.get(item.meeting);
		if (meetingId) details.meetingId = meetingId;
	} else if (item.when && 'age' in item.when) {
		when = {
			eventDate: String(birthYear + item.when.age),
			eventPrecision: 'about',
			eventLabel: item.when.label ?? null
		};
		details.age = item.when.age;
	} else if (item.when) {
		const parsed = parseEventDate(item.when.date);
		if (!parsed) throw new Error(`Demo item ${item.key} has a bad date: ${item.when.date}`);
		when = {
			eventDate: parsed.date,
			eventPrecision: item.when.label ? 'about' : parsed.precision,
			eventLabel: item.when.label ?? null
		};
	}
	if (item.place) details.place = item.place;
	if (item.people) details.people = item.people;
	if (item.feelings?.length) details.feelings = item.feelings;
	return {
		kind: item.kind,
		title: item.title,
		body: docFromPlainText(item.body ?? ''),
		...when,
		visibility: item.visibility,
		helpedBy,
		details: details satisfies Omit<EntryDetails, 'media' | 'respondsTo' | 'urgent' | 'helperId'>
	};
}
