import { and, eq } from 'drizzle-orm';
import type { Db } from '../db';
import { childProfile, entry, type User } from '../db/schema';
import { actorFrom } from '../access';
import { updateProfile } from '../children/profile';
import { docFromPlainText } from '../record/sanitise';
import { createChildDraft, sendChildEntry } from '../space/child-entries';
import { addPhotos } from '../space/attachments';
import { startDisagreement } from '../disagreements/disagree';
import { acknowledge, decide } from '../disagreements/steps';
import { seedDemoRecord } from './record';
import { jordanRecord } from './jordan-entries';
import { paint } from './pictures';

const day = 86_400_000;

/**
 * Jordan, the demo care leaver, comes back to a real history: their record from childhood (with
 * content notes before the hard parts), two memories with photos they added since, and a
 * disagreement they raised at 11 and that was answered then.
 */
export async function seedDemoJordan(
	db: Db,
	people: { jordan: User; priya: User; dee: User },
	childId: string,
	now = new Date()
): Promise<void> {
	const priya = actorFrom(people.priya, null);
	const jordan = actorFrom(people.jordan, childId);
	const profile = db.select().from(childProfile).where(eq(childProfile.id, childId)).get()!;
	updateProfile(
		db,
		priya,
		childId,
		{
			legalName: profile.legalName,
			previousNames: [],
			preferredName: 'Jordan',
			dateOfBirth: '2003-03-09',
			sex: null,
			genderInOwnWords: 'Non-binary',
			pronouns: 'they/them',
			religion: 'None',
			ethnicityInOwnWords: 'White British',
			languages: ['English'],
			preferredLanguage: 'en-GB',
			communicationNeeds: null,
			disabilities: null,
			caseSystemPersonId: 'MOS-088127'
		},
		null,
		new Date(Date.UTC(2010, 1, 14, 12))
	);
	// Their account was made as a care leaver's: the day they left care is part of their history.
	db.update(childProfile)
		.set({ leftCareOn: '2021-03-09' })
		.where(eq(childProfile.id, childId))
		.run();
	seedDemoRecord(db, { priya: people.priya, dee: people.dee }, childId, jordanRecord);

	// "That is not why": raised at 11, answered with their side added beside the entry.
	const ended = db
		.select({ id: entry.id })
		.from(entry)
		.where(
			and(eq(entry.childId, childId), eq(entry.title, 'Jordan’s time with Linda and Mark ends'))
		)
		.get()!;
	const raised = new Date(Date.UTC(2014, 1, 3, 16));
	const disagreement = sendChildEntry(
		db,
		jordan,
		startDisagreement(
			db,
			jordan,
			ended.id,
			{
				wrong: 'It does not say that I wanted to stay and visit Linda in hospital.',
				happened: 'I asked to see Linda every week. Nobody wrote that down.',
				wants: ['addSide']
			},
			null,
			raised
		).id,
		null,
		raised
	);
	acknowledge(db, priya, disagreement.id, null, new Date(raised.getTime() + day));
	decide(
		db,
		priya,
		disagreement.id,
		{
			outcome: 'side_added',
			basis: 'Jordan is right that this was left out. Their words are now next to the entry.',
			correctedText: ''
		},
		null,
		new Date(raised.getTime() + 14 * day)
	);

	// Memories they added as a care leaver, with photos (painted, then stripped like any upload).
	const memories = [
		{
			title: 'Biscuit the cat',
			body: 'Linda and Mark’s cat. He slept on my bed every night.',
			eventDate: '2011',
			picture: 'biscuit' as const,
			caption: 'My drawing of Biscuit',
			daysAgo: 40
		},
		{
			title: 'My first art show',
			body: 'My college show. Dee and Aisha came.',
			eventDate: '2024-06',
			picture: 'lighthouse' as const,
			caption: 'The painting I showed',
			daysAgo: 12
		}
	];
	for (const m of memories) {
		const at = new Date(now.getTime() - m.daysAgo * day);
		const draft = createChildDraft(
			db,
			jordan,
			{
				kind: 'memory',
				title: m.title,
				body: docFromPlainText(m.body),
				eventDate: m.eventDate,
				eventPrecision: m.eventDate.length === 4 ? 'year' : 'month',
				eventLabel: null,
				visibility: 'workers',
				helpedBy: null,
				details: {}
			},
			at
		);
		const problems = await addPhotos(
			db,
			jordan,
			draft.id,
			[{ bytes: await paint(m.picture), caption: m.caption }],
			at
		);
		if (problems.length) throw new Error(`Demo photos refused: ${problems.join(', ')}`);
		sendChildEntry(db, jordan, draft.id, null, at);
	}
}
