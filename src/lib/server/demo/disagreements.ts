import { and, eq } from 'drizzle-orm';
import type { Db } from '../db';
import { entry, type User } from '../db/schema';
import { actorFrom } from '../access';
import { startDisagreement } from '../disagreements/disagree';
import { acknowledge, decide, linkCaseRecord } from '../disagreements/steps';
import { sendChildEntry } from '../space/child-entries';

/**
 * Two of Maya's disagreements: one answered (her side added beside the entry) and linked to
 * Mosaic, and one still open, acknowledged, with a few days left before it is due.
 */
export function seedDemoDisagreements(
	db: Db,
	people: { maya: User; sam: User; priya: User },
	childId: string,
	now = new Date()
): { open: string; answered: string } {
	const maya = actorFrom(people.maya, childId);
	const sam = actorFrom(people.sam, null);
	const priya = actorFrom(people.priya, null);
	const byTitle = (title: string) =>
		db
			.select()
			.from(entry)
			.where(and(eq(entry.childId, childId), eq(entry.title, title), eq(entry.status, 'final')))
			.get()!;
	const day = 86_400_000;
	const at = (daysAgo: number, hour = 10) =>
		new Date(Math.floor(now.getTime() / day - daysAgo) * day + hour * 3_600_000);

	const say = (title: string, when: Date, wrong: string, happened: string) => {
		const draft = startDisagreement(
			db,
			maya,
			byTitle(title).id,
			{ wrong, happened, wants: ['addSide', 'explain'] },
			null,
			when
		);
		return sendChildEntry(db, maya, draft.id, null, when);
	};

	const answered = say(
		'How Maya is settling in at Oak House',
		at(70),
		'It says some evenings were hard because of phone calls with Mum. The calls were the best part.',
		'The hard part was bedtime, because I missed my old room.'
	);
	acknowledge(db, priya, answered.id, null, at(69, 14));
	decide(
		db,
		priya,
		answered.id,
		{
			outcome: 'side_added',
			basis:
				'Sam and I talked with Maya. She knows best how she felt, so her words are now next to the entry.',
			correctedText: ''
		},
		null,
		at(60, 11)
	);
	linkCaseRecord(
		db,
		priya,
		answered.id,
		{
			system: 'mosaic',
			reference: 'CN-2026-48213',
			url: '',
			note: 'Added to the case notes with her words.'
		},
		null,
		at(59, 9)
	);

	const open = say(
		'Oak House trip to the seaside',
		at(27),
		'It says I did not want to go in the sea. I did, but I had no swimming costume.',
		'Nobody asked me. I sat on the sand because I had nothing to swim in.'
	);
	acknowledge(db, sam, open.id, null, at(26, 16));
	return { open: open.id, answered: answered.id };
}
