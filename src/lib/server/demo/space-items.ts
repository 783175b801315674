import type { Feeling, MeetingKind, ViewPrompt } from '../db/schema';

/**
 * What Maya added to her own space over the years, in her own words (some written with help),
 * so that the demo child's space is lived in: views before her reviews, life events and
 * memories with photos. It matches her staff record (record-entries.ts): same people, places
 * and dates. Times are UTC; nothing here is written after the moment the demo is seeded.
 */

/** The pictures space.ts paints (in code: no image files are kept in the repository). */
export type Picture =
	| 'sandcastle'
	| 'oakHouse'
	| 'lighthouse'
	| 'certificate'
	| 'biscuitDrawing'
	| 'ticket'
	| 'biscuit'
	| 'birthdayCard';

/** Who may be named as having helped her write something: her assigned workers and advocate. */
export type Helper = 'sam' | 'priya' | 'alex';

/** A review or meeting that already took place (the coming ones are scheduled from "now"). */
export type DemoMeeting = {
	key: string;
	kind: MeetingKind;
	date: string;
	time: string;
	chairedBy: string;
	/** When her key worker put it in the diary. */
	scheduledAt: string;
};

export type DemoChildItem = {
	key: string;
	kind: 'view' | 'life_event' | 'memory';
	/** When she sent it. */
	sentAt: string;
	title: string;
	body?: string;
	/** For life events and memories: a date (YYYY, YYYY-MM or YYYY-MM-DD), or her age then. */
	when?: { date: string; label?: string } | { age: number; label?: string };
	visibility: 'just_me' | 'workers' | 'advocate' | 'record';
	helpedBy?: Helper;
	/** A view's answers to the prompts, and the meeting it was for. */
	answers?: Partial<Record<ViewPrompt, string>>;
	meeting?: string;
	feelings?: Feeling[];
	place?: string;
	people?: string;
	photos?: { picture: Picture; caption: string }[];
	/** A voice recording with the view. */
	voice?: boolean;
	/** "You said, we did", written after the review. */
	answer?: { by: 'sam' | 'priya'; at: string; words: string };
	/** Not opened by staff yet, so the demo inbox has something new in it. */
	leftUnread?: boolean;
};

export const iroName = 'Helen Price, Independent Reviewing Officer';
export const designatedTeacher = 'Grace Adeyemi, designated teacher, Riverside Academy';

export const pastMeetings: DemoMeeting[] = [
	{
		key: 'review-2023',
		kind: 'looked_after_review',
		date: '2023-03-08',
		time: '16:00',
		chairedBy: iroName,
		scheduledAt: '2023-02-06T10:15:00Z'
	},
	{
		key: 'review-2025',
		kind: 'looked_after_review',
		date: '2025-11-12',
		time: '16:00',
		chairedBy: iroName,
		scheduledAt: '2025-10-08T09:40:00Z'
	},
	{
		key: 'review-2026',
		kind: 'looked_after_review',
		date: '2026-10-14',
		time: '16:00',
		chairedBy: iroName,
		scheduledAt: '2026-09-09T11:05:00Z'
	},
	{
		key: 'pep-2026',
		kind: 'pep_meeting',
		date: '2026-11-04',
		time: '14:00',
		chairedBy: designatedTeacher,
		scheduledAt: '2026-10-07T13:20:00Z'
	}
];

export const childItems: DemoChildItem[] = [
	// Views before her reviews
	{
		key: 'views-2023',
		kind: 'view',
		sentAt: '2023-03-01T16:40:00Z',
		title: 'My views',
		meeting: 'review-2023',
		visibility: 'record',
		helpedBy: 'sam',
		feelings: ['happy', 'unsure'],
		answers: {
			goingWell:
				'I like my green bedroom and the art room. I have made a friend in the house. Friday is pizza night.',
			worries: "I miss Nana and Biscuit. Sometimes at night I feel sad and I can't sleep.",
			want: 'I want to see Nana and Biscuit more. I want to keep seeing Mum and Leo.',
			whoThere: "Sam and Priya. Not lots of people I don't know."
		},
		answer: {
			by: 'sam',
			at: '2023-03-09T17:30:00Z',
			words: [
				"You said you wanted to see Nana and Biscuit more. We did: now you go to Nana's house every other Saturday, and you can phone her whenever you like.",
				'You said you want to keep seeing Mum and Leo. We did: you will see Mum once a month and Leo every two weeks.',
				'You said nights can be sad. Staff will sit with you at bedtime if you want. Just ask.'
			].join('\n\n')
		}
	},
	{
		key: 'views-2025',
		kind: 'view',
		sentAt: '2025-11-05T16:50:00Z',
		title: 'What I want to say at my review',
		body: 'I recorded a message for Helen too, because talking is easier than writing.',
		meeting: 'review-2025',
		visibility: 'advocate',
		helpedBy: 'alex',
		voice: true,
		feelings: ['proud', 'happy', 'worried'],
		answers: {
			goingWell:
				'Art club on Thursdays. I won the Year 7 art prize for my drawing of Biscuit. I can swim 400 metres.',
			worries:
				'I only see Leo every two weeks and it goes too fast. In the holidays it feels like ages.',
			want: "I want to stay over at Nana's house. I want more time with Leo in the holidays. I want to stay at Oak House.",
			whoThere: 'Alex, to help me say things. Sam and Priya. Nana, if she can come.'
		},
		answer: {
			by: 'priya',
			at: '2026-03-05T15:10:00Z',
			words: [
				"You said you wanted to stay over at Nana's. We did: I visited Nana's house, and from this month you can stay there one weekend a month.",
				"You said you wanted more time with Leo in the holidays. I have talked to Leo's foster carers, Ruth and Dan. We are planning a day out for you and Leo in the Easter holidays.",
				'You said you want to stay at Oak House. You are staying.'
			].join('\n\n')
		}
	},
	{
		key: 'views-2026',
		kind: 'view',
		sentAt: '2026-10-06T17:15:00Z',
		title: 'My views',
		meeting: 'review-2026',
		visibility: 'workers',
		leftUnread: true,
		feelings: ['happy', 'calm', 'unsure'],
		answers: {
			goingWell:
				"Staying at Nana's is the best bit of the month. Biscuit sleeps on my bed. I came second in the backstroke at the gala and Mum came to watch.",
			worries: "That I might have to move when I'm older. I don't know what a pathway plan is.",
			want: 'To stay at Oak House. To cook more. My spaghetti bolognese was good.',
			whoThere: 'Sam, Priya and Alex. Mum for the first part.'
		}
	},
	{
		key: 'views-pep-2026',
		kind: 'view',
		sentAt: '2026-10-30T16:25:00Z',
		title: 'My views for my PEP',
		meeting: 'pep-2026',
		visibility: 'record',
		leftUnread: true,
		helpedBy: 'sam',
		feelings: ['proud', 'worried'],
		answers: {
			goingWell:
				'I am in the school swimming team. I read every day, audiobooks too. My reading is better.',
			worries: 'French spellings. Long bits of writing take me ages.',
			want: 'I want to take art for GCSE. I want to use my laptop for long writing.',
			whoThere: 'Sam, Priya, Miss Adeyemi, and Alex, because I asked.'
		}
	},

	// Life events, from her life story work onwards
	{
		key: 'seaside-2016',
		kind: 'life_event',
		sentAt: '2023-02-01T16:30:00Z',
		title: 'The seaside with Nana',
		body: 'I was 3. I built a big sandcastle and put a flag on it made from a lolly stick. I paddled in the sea. Nana says I fell asleep on the bus home.',
		when: { date: '2016-07', label: 'summer 2016' },
		visibility: 'record',
		helpedBy: 'priya',
		feelings: ['happy'],
		place: 'The seaside',
		people: 'Nana Pearl',
		photos: [
			{ picture: 'sandcastle', caption: "Nana's photo of my sandcastle, with the lolly-stick flag" }
		]
	},
	{
		key: 'leo-born',
		kind: 'life_event',
		sentAt: '2023-02-15T16:30:00Z',
		title: 'My brother Leo was born',
		body: 'I was nearly 4. Leo was tiny and he held my finger. I was a big sister now.',
		when: { date: '2017-02' },
		visibility: 'record',
		helpedBy: 'priya',
		feelings: ['happy', 'proud'],
		place: 'The hospital',
		people: 'Mum, Leo and Nana Pearl'
	},
	{
		key: 'evans',
		kind: 'life_event',
		sentAt: '2023-03-15T16:30:00Z',
		title: 'Going to live with Mr and Mrs Evans',
		body: 'I was 5. I was scared because I did not know them. Mrs Evans made pancakes. My room had stars on the ceiling that glowed in the dark.',
		when: { date: '2019-03' },
		visibility: 'workers',
		helpedBy: 'priya',
		feelings: ['scared', 'sad'],
		place: "Mr and Mrs Evans's house",
		people: 'Mr and Mrs Evans, and Priya'
	},
	{
		key: 'swim-width',
		kind: 'life_event',
		sentAt: '2023-03-29T17:05:00Z',
		title: 'I swam a width on my own',
		body: 'At first I hated putting my face in the water. Mrs Evans took me every Saturday. Then I swam a whole width on my own!',
		when: { age: 8 },
		visibility: 'workers',
		feelings: ['proud'],
		place: 'The leisure centre',
		people: 'Mrs Evans'
	},
	{
		key: 'oak-house',
		kind: 'life_event',
		sentAt: '2023-04-12T16:30:00Z',
		title: 'Moving to Oak House',
		body: 'My bedroom was painted light green. I chose the colour. I put my drawings up straight away. Mrs Evans stayed for tea.',
		when: { date: '2022-09-12' },
		visibility: 'record',
		helpedBy: 'sam',
		feelings: ['unsure', 'happy'],
		place: 'Oak House',
		people: 'Mrs Evans, Priya and Sam',
		photos: [{ picture: 'oakHouse', caption: 'Oak House, with the big oak tree in the garden' }]
	},
	{
		key: 'seaside-2025',
		kind: 'life_event',
		sentAt: '2025-08-15T18:00:00Z',
		title: 'Seaside trip with Oak House',
		body: 'I stood up on a bodyboard! Only once, but it counts. I drew the lighthouse in my sketchbook. Fish and chips on the way home. Best day of the summer.',
		when: { date: '2025-08-14' },
		visibility: 'advocate',
		feelings: ['happy', 'proud'],
		place: 'The seaside, by the lighthouse',
		people: 'Sam, Chris and two friends from Oak House',
		photos: [{ picture: 'lighthouse', caption: 'The lighthouse, from the beach' }]
	},
	{
		key: 'first-night-at-nanas',
		kind: 'life_event',
		sentAt: '2026-03-15T17:30:00Z',
		title: "My first night at Nana's",
		body: 'I asked for it at my review and it happened! We had fish fingers and watched a film. Biscuit slept on my feet.',
		when: { date: '2026-03' },
		visibility: 'workers',
		feelings: ['happy', 'calm'],
		place: "Nana Pearl's house",
		people: 'Nana Pearl and Biscuit'
	},

	// Memories, each with a photo
	{
		key: 'certificate',
		kind: 'memory',
		sentAt: '2024-06-15T18:30:00Z',
		title: 'My 400 metres certificate',
		body: 'The last two lengths were the hardest but I kept going. It is on my bedroom wall.',
		when: { date: '2024-06-15' },
		visibility: 'record',
		feelings: ['proud'],
		place: 'My swimming club',
		people: 'Sam',
		photos: [{ picture: 'certificate', caption: 'My certificate for swimming 400 metres' }]
	},
	{
		key: 'drawing',
		kind: 'memory',
		sentAt: '2025-07-11T17:00:00Z',
		title: 'My drawing of Biscuit',
		body: 'I drew Biscuit asleep in his basket, from a photo, because I miss him. It won the Year 7 art prize! The prize was a set of drawing pencils.',
		when: { date: '2025-07' },
		visibility: 'advocate',
		feelings: ['proud'],
		place: 'Riverside Academy',
		photos: [{ picture: 'biscuitDrawing', caption: 'My drawing of Biscuit asleep in his basket' }]
	},
	{
		key: 'cinema',
		kind: 'memory',
		sentAt: '2026-02-22T12:00:00Z',
		title: 'Cinema with Leo for his birthday',
		body: 'Leo turned 9. We shared the biggest popcorn. I kept the ticket.',
		when: { date: '2026-02-21' },
		visibility: 'workers',
		feelings: ['happy'],
		place: 'The cinema in town',
		people: 'Leo and Sam',
		photos: [{ picture: 'ticket', caption: 'Our cinema ticket' }]
	},
	{
		key: 'biscuit',
		kind: 'memory',
		sentAt: '2026-04-12T10:00:00Z',
		title: 'Biscuit',
		body: "Biscuit is Nana's dog. He is old now and a bit grey round his nose, but he still wants to play ball.",
		when: { date: '2026-04-11' },
		visibility: 'workers',
		feelings: ['happy', 'calm'],
		place: "Nana's house",
		people: 'Biscuit and Nana Pearl',
		photos: [{ picture: 'biscuit', caption: "Biscuit on my bed at Nana's" }]
	},
	{
		key: 'card-from-mum',
		kind: 'memory',
		sentAt: '2026-05-16T19:00:00Z',
		title: 'The card Mum made me',
		body: 'Mum made me a card for my 13th birthday. She drew the heart herself. I keep it in my box.',
		when: { date: '2026-05-14' },
		visibility: 'just_me',
		feelings: ['happy', 'sad'],
		people: 'Mum',
		photos: [{ picture: 'birthdayCard', caption: 'My birthday card from Mum' }]
	}
];
