import type { DemoEntry } from './record-entries';

/** Paragraphs joined with blank lines, as `body` expects. */
const text = (...paragraphs: string[]): string => paragraphs.join('\n\n');

/**
 * Jordan's record, from their birth in 2003 to college in 2022: what a care leaver comes back to.
 * Written as staff would at the time, shared in plain words, with content notes before the hard
 * parts (why they came into care, a placement that ended, contact with their mum stopping), and
 * one piece of third-party information nobody gave permission to share (so Jordan never sees it).
 */
export const jordanRecord: DemoEntry[] = [
	{
		key: 'born',
		author: 'priya',
		kind: 'record_entry',
		title: 'Jordan is born',
		body: text(
			'Jordan was born on 9 March 2003, in Royal Oldham Hospital.',
			'Their mum is Karen Ashworth. Jordan lived with her in Oldham until they were 7.'
		),
		eventDate: '2003-03-09',
		precision: 'day',
		nature: 'fact',
		source: { kind: 'document', name: "Jordan's birth certificate" },
		visibility: 'shared',
		recordedDaysAfter: 2600
	},
	{
		key: 'why',
		author: 'priya',
		kind: 'record_entry',
		title: 'Why Jordan came into care',
		body: text(
			'In February 2010 a neighbour called the police. Jordan, aged 6, had been at home on their own for two days. There was very little food in the house.',
			'Their mum was very unwell. She was drinking a lot and could not look after Jordan safely. This was not Jordan’s fault.',
			'A judge agreed that Jordan should live with foster carers while their mum got help. Jordan’s mum agreed too.'
		),
		eventDate: '2010-02-14',
		precision: 'day',
		nature: 'fact',
		visibility: 'shared',
		recordedDaysAfter: 1,
		contentNote:
			'This part is about why you came into care. It talks about being left alone at home and your mum being unwell. You might want someone with you.'
	},
	{
		key: 'grandmother',
		author: 'priya',
		kind: 'record_entry',
		title: 'What Jordan’s grandmother told us about the family',
		body: text(
			'Mrs Ashworth (maternal grandmother) told me about the family’s history and about Jordan’s father.',
			'She asked that this is not shared with Jordan or their mum.'
		),
		eventDate: '2010-03-02',
		precision: 'day',
		nature: 'third_party',
		source: { kind: 'person', name: 'Joan Ashworth', relationship: 'grandmother' },
		thirdPartyPermission: false,
		visibility: 'staff_only',
		recordedDaysAfter: 1
	},
	{
		key: 'linda',
		author: 'priya',
		kind: 'record_entry',
		title: 'Jordan moves in with Linda and Mark',
		body: text(
			'Jordan moved in with foster carers Linda and Mark Hughes, in Rochdale.',
			'Jordan had their own room, painted blue, and a cat called Biscuit.'
		),
		eventDate: '2010-02-15',
		precision: 'day',
		nature: 'fact',
		visibility: 'shared',
		recordedDaysAfter: 1
	},
	{
		key: 'school',
		author: 'priya',
		kind: 'record_entry',
		title: 'Jordan starts at Greenfield Primary',
		body: text(
			'Jordan started Year 2 at Greenfield Primary School.',
			'Their teacher, Mrs Khan, says Jordan loves drawing and is good at maths.'
		),
		eventDate: '2010-04-19',
		precision: 'day',
		nature: 'fact',
		visibility: 'shared',
		recordedDaysAfter: 0
	},
	{
		key: 'ended',
		author: 'priya',
		kind: 'record_entry',
		title: 'Jordan’s time with Linda and Mark ends',
		body: text(
			'Linda became seriously ill and was in hospital for a long time. Linda and Mark told us they could no longer foster.',
			'Jordan was very upset and asked if it was because of something they did. It was not. Linda and Mark said they loved having Jordan and were very sad.',
			'Jordan will move to Birch Lodge children’s home on 21 June until a new family is found.'
		),
		eventDate: '2013-06-20',
		precision: 'day',
		nature: 'fact',
		visibility: 'shared',
		recordedDaysAfter: 1,
		contentNote:
			'This part is about why your first foster home ended. It may be hard to read. You can stop at any time.'
	},
	{
		key: 'birch',
		author: 'priya',
		kind: 'record_entry',
		title: 'Jordan moves to Birch Lodge',
		body: text(
			'Jordan moved to Birch Lodge children’s home. They brought their drawings and the blue blanket from Linda’s.',
			'Jordan is sharing a table at dinner with two other young people and their key worker, Tom.'
		),
		eventDate: '2013-06-21',
		precision: 'day',
		nature: 'fact',
		visibility: 'shared',
		recordedDaysAfter: 0
	},
	{
		key: 'contact',
		author: 'priya',
		kind: 'decision',
		title: 'Visits with Jordan’s mum stop for now',
		body: text(
			'Jordan’s mum came to two visits after drinking, and one visit she did not come at all. Jordan waited for an hour.',
			'We decided visits will stop for now. Jordan can still send cards and letters. We will look at this again in six months.'
		),
		eventDate: '2015-11-10',
		precision: 'day',
		nature: 'decision',
		decisionBy: 'Priya Shah, social worker, with her manager',
		decisionBasis: 'To keep Jordan safe and stop them being let down again.',
		visibility: 'shared',
		recordedDaysAfter: 1,
		contentNote:
			'This part is about visits with your mum stopping. You might want someone with you when you read it.'
	},
	{
		key: 'fosters2',
		author: 'priya',
		kind: 'record_entry',
		title: 'Jordan moves in with Aisha and Ben',
		body: text(
			'Jordan moved in with foster carers Aisha and Ben Okoye, near Jordan’s school.',
			'Jordan said they wanted to stay at the same school, and they could.'
		),
		eventDate: '2016-09-03',
		precision: 'day',
		nature: 'fact',
		visibility: 'shared',
		recordedDaysAfter: 0
	},
	{
		key: 'gcse',
		author: 'priya',
		kind: 'record_entry',
		title: 'Jordan’s GCSE results',
		body: text(
			'Jordan passed eight GCSEs, with a 7 in maths and an 8 in art.',
			'Aisha and Ben took Jordan out for pizza to celebrate.'
		),
		eventDate: '2019-08-22',
		precision: 'day',
		nature: 'fact',
		visibility: 'shared',
		recordedDaysAfter: 0
	},
	{
		key: 'pa',
		author: 'priya',
		kind: 'decision',
		title: 'Jordan’s pathway plan: Dee Walsh will be their personal adviser',
		body: text(
			'Jordan, Aisha, Ben and I wrote Jordan’s pathway plan together.',
			'Dee Walsh from the Leaving Care Team will be Jordan’s personal adviser until they are 25. Jordan can stay with Aisha and Ben after 18 (staying put).'
		),
		eventDate: '2020-09-14',
		precision: 'day',
		nature: 'decision',
		decisionBy: 'Jordan’s pathway plan review',
		decisionBasis: 'What Jordan asked for, and what the law says care leavers should have.',
		visibility: 'shared',
		recordedDaysAfter: 1
	},
	{
		key: 'left',
		author: 'dee',
		kind: 'record_entry',
		title: 'Jordan turns 18 and leaves care',
		body: text(
			'Jordan turned 18 today and is now a care leaver. They are staying put with Aisha and Ben.',
			'Jordan keeps everything in Waymark, and I will keep meeting them every month.'
		),
		eventDate: '2021-03-09',
		precision: 'day',
		nature: 'fact',
		visibility: 'shared',
		recordedDaysAfter: 0
	},
	{
		key: 'college',
		author: 'dee',
		kind: 'record_entry',
		title: 'Jordan starts an art course at college',
		body: text(
			'Jordan started a two-year art and design course at Hopwood Hall College.',
			'We set up the bursary for care leavers together, so Jordan can buy materials.'
		),
		eventDate: '2022-09-05',
		precision: 'day',
		nature: 'fact',
		visibility: 'shared',
		recordedDaysAfter: 0
	}
];
