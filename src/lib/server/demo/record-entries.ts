/** The demo child's record: written as staff would, in plain words where shared with her. */
export type DemoEntry = {
	/** Short unique key, used by `corrects`. */
	key: string;
	author: 'sam' | 'priya' | 'chris' | 'dee';
	kind: 'record_entry' | 'decision';
	title: string;
	/** Plain text. Paragraphs separated by a blank line; lines starting "- " are bullet points. */
	body: string;
	/** 'YYYY-MM-DD', 'YYYY-MM' or 'YYYY', matching precision. */
	eventDate: string;
	precision: 'day' | 'month' | 'year' | 'about';
	/** For precision 'about': how people would say it, e.g. 'summer 2016'. */
	eventLabel?: string;
	/** Days between the event and when it was written down; 0 or 1 is on time, 2 or more is a late entry. */
	recordedDaysAfter?: number;
	nature: 'fact' | 'opinion' | 'decision' | 'third_party';
	/** Required when nature is 'opinion'. */
	opinionReasons?: string;
	/** Required when nature is 'decision' (or kind is 'decision'). */
	decisionBy?: string;
	decisionBasis?: string;
	/** Who provided the information, when it is not the author's own first-hand account. Required for 'third_party'. */
	source?:
		{ kind: 'person'; name: string; relationship: string } | { kind: 'document'; name: string };
	/** For 'third_party': was the third party's permission to share with the child recorded? */
	thirdPartyPermission?: boolean;
	visibility: 'shared' | 'staff_only' | 'confidential';
	/** Required when visibility is 'confidential'. */
	confidentialReason?: string;
	/** A shared entry that is hard to read: the note its reader sees first. */
	contentNote?: string;
	/** A Welsh translation of a shared entry. */
	welsh?: { title: string; body: string };
	/** This entry corrects an earlier one (by key), with the reason. */
	corrects?: { key: string; reason: string };
};

/** Paragraphs (or runs of "- " bullet lines) joined with blank lines, as `body` expects. */
const text = (...paragraphs: string[]): string => paragraphs.join('\n\n');

const iro = "Helen Price, Independent Reviewing Officer, at Maya's looked-after review";

/** Maya's record, from her birth in 2013 to November 2026. Array order does not matter. */
export const demoRecord: DemoEntry[] = [
	// Early years, before care
	{
		key: 'born',
		author: 'priya',
		kind: 'record_entry',
		title: 'Maya is born',
		body: text(
			'Maya was born on 14 May 2013, in hospital.',
			'Her name when she was born was Maya Louise Carter. Her mum is Sally Thompson.'
		),
		eventDate: '2013-05-14',
		precision: 'day',
		nature: 'fact',
		source: { kind: 'document', name: "Maya's birth certificate" },
		visibility: 'shared',
		welsh: {
			title: 'Geni Maya',
			body: text(
				'Cafodd Maya ei geni ar 14 Mai 2013, yn yr ysbyty.',
				'Ei henw pan gafodd ei geni oedd Maya Louise Carter. Ei mam yw Sally Thompson.'
			)
		}
	},
	{
		key: 'first-steps',
		author: 'priya',
		kind: 'record_entry',
		title: "Mum's memories: Maya's first steps",
		body: text(
			"This memory comes from Maya's mum, Sally.",
			"Mum says Maya took her first steps in June 2014, when she was just over one. It happened in Nana Pearl's kitchen, and everyone clapped.",
			'Mum says Maya\'s first word was "dog". She loved bath time and being sung to.'
		),
		eventDate: '2014-06',
		precision: 'month',
		nature: 'third_party',
		source: { kind: 'person', name: 'Sally Thompson', relationship: 'mother' },
		thirdPartyPermission: true,
		visibility: 'shared'
	},
	{
		key: 'nana-seaside',
		author: 'priya',
		kind: 'record_entry',
		title: "Nana's memory: the seaside, summer 2016",
		body: text(
			"Nana Pearl shared this memory for Maya's life story work.",
			'In the summer of 2016, when Maya was 3, Nana took her to the seaside for the day. Maya built a big sandcastle and gave it a flag made from a lolly stick. She was brave enough to paddle in the sea.',
			'Nana says Maya laughed all day and fell asleep on the bus home. Nana still has a photo from that day, and Maya can have a copy for her life story book.'
		),
		eventDate: '2016-07',
		precision: 'about',
		eventLabel: 'summer 2016',
		nature: 'third_party',
		source: {
			kind: 'person',
			name: 'Pearl Thompson (Nana Pearl)',
			relationship: "grandmother (mum's mum)"
		},
		thirdPartyPermission: true,
		visibility: 'shared',
		welsh: {
			title: 'Atgof Nana: glan y môr, haf 2016',
			body: text(
				'Rhannodd Nana Pearl yr atgof hwn ar gyfer gwaith stori bywyd Maya.',
				"Yn haf 2016, pan oedd Maya yn 3 oed, aeth Nana â hi i lan y môr am y diwrnod. Adeiladodd Maya gastell tywod mawr a rhoi baner wedi'i gwneud o ffon loli arno. Roedd hi'n ddigon dewr i badlo yn y môr.",
				"Mae Nana'n dweud bod Maya wedi chwerthin drwy'r dydd a syrthio i gysgu ar y bws ar y ffordd adref. Mae gan Nana lun o'r diwrnod hwnnw o hyd, a chaiff Maya gopi ar gyfer ei llyfr stori bywyd."
			)
		}
	},
	{
		key: 'nursery',
		author: 'priya',
		kind: 'record_entry',
		title: 'Starting nursery',
		body: text(
			'When Maya was about 3, she started going to nursery in the mornings.',
			"The nursery's notes say she loved the painting table and the sandpit. She made friends quickly and liked helping at tidy-up time."
		),
		eventDate: '2016',
		precision: 'about',
		eventLabel: 'when Maya was about 3',
		nature: 'fact',
		source: { kind: 'document', name: 'Nursery records' },
		visibility: 'shared'
	},
	{
		key: 'leo-born',
		author: 'priya',
		kind: 'record_entry',
		title: "Maya's brother Leo is born",
		body: text(
			"Maya's little brother, Leo, was born in February 2017. Maya was nearly 4.",
			'Maya was now a big sister.'
		),
		eventDate: '2017-02',
		precision: 'month',
		nature: 'fact',
		visibility: 'shared'
	},
	{
		key: 'school-start',
		author: 'priya',
		kind: 'record_entry',
		title: 'Maya starts primary school',
		body: text(
			'Maya started in the Reception class at her local primary school today. She was 4.',
			'She wore her new uniform and carried a red book bag. Mum took her to the gate.'
		),
		eventDate: '2017-09-06',
		precision: 'day',
		nature: 'fact',
		visibility: 'shared'
	},
	{
		key: 'name-change',
		author: 'priya',
		kind: 'record_entry',
		title: "Maya's surname changes to Thompson",
		body: text(
			"In 2018, Maya's surname changed from Carter to Thompson. Thompson is Mum's family name, and Nana Pearl's too.",
			"Maya's legal name is now Maya Louise Thompson. Her old name, Maya Louise Carter, is kept on her record so that papers from when she was little can be matched up."
		),
		eventDate: '2018',
		precision: 'year',
		nature: 'fact',
		visibility: 'shared'
	},
	{
		key: 'school-referral',
		author: 'priya',
		kind: 'record_entry',
		title: "Referral from Maya's primary school",
		body: text(
			"In November 2018 the designated safeguarding lead at Maya's primary school made a referral to children's services. School had noticed that Maya was often late, tired and hungry in the mornings, and had missed several days.",
			'A social worker visited the family. Sally was open about finding things hard at home and agreed to a child in need plan, with a family support worker visiting weekly.'
		),
		eventDate: '2018-11',
		precision: 'month',
		nature: 'fact',
		visibility: 'staff_only'
	},

	// Coming into care, 2019 to 2022: living with Mr and Mrs Evans
	{
		key: 'into-care-2019',
		author: 'priya',
		kind: 'decision',
		title: 'Maya goes to live with Mr and Mrs Evans',
		body: text(
			'On 18 March 2019, Maya went to live with foster carers, Mr and Mrs Evans. Maya was 5.',
			'At that time Mum was not well, and she was finding it very hard to look after Maya and Leo. Mum agreed that the children would be looked after by foster carers for a while. This is called section 20.',
			'Leo went to live with foster carers Dan and Ruth Hughes. There was no foster home with room for both children at the time. Maya and Leo saw each other every week.'
		),
		eventDate: '2019-03-18',
		precision: 'day',
		nature: 'decision',
		decisionBy: "Sally Thompson (Maya's mum), who agreed to it, with Maya's social worker",
		decisionBasis:
			'Mum was not well enough to look after Maya and Leo safely at home for a while. Nana Pearl wanted to help, but she could not care for two young children full time then. Mum agreed that foster care was the safest choice for now.',
		visibility: 'shared'
	},
	{
		key: 'settling-evans',
		author: 'priya',
		kind: 'record_entry',
		title: 'Maya is settling in with Mr and Mrs Evans',
		body: text(
			"Priya visited Maya at Mr and Mrs Evans's home. Maya showed Priya her bedroom and her drawings.",
			'Priya thinks Maya is starting to settle in well.'
		),
		eventDate: '2019-04-16',
		precision: 'day',
		nature: 'opinion',
		opinionReasons:
			"Maya is sleeping through the night and eating well. She smiled and chatted during the visit. She said she likes her bedroom and Mrs Evans's pancakes.",
		visibility: 'shared'
	},
	{
		key: 'legal-planning',
		author: 'priya',
		kind: 'record_entry',
		title: 'Legal planning meeting',
		body: text(
			"A legal planning meeting took place with the local authority's legal team and the team manager. Sally's health has not improved enough for Maya and Leo to return home in the near future, despite the support offered since March.",
			'The meeting agreed to apply to the family court for care orders for Maya and Leo. Sally has been told, and has been given information about free legal advice. Sally has said she wants to keep regular contact with both children.'
		),
		eventDate: '2019-12-09',
		precision: 'day',
		nature: 'fact',
		visibility: 'staff_only'
	},
	{
		key: 'lockdown',
		author: 'priya',
		kind: 'record_entry',
		title: 'Video calls during lockdown',
		body: text(
			'In spring 2020, everyone had to stay at home because of Covid-19. Maya could not visit Mum, Leo or Nana for a while.',
			'Instead, Maya had video calls. She showed Leo her toys and showed Nana her drawings. Mrs Evans helped her make a rainbow picture for the window.'
		),
		eventDate: '2020-04',
		precision: 'about',
		eventLabel: 'spring 2020',
		nature: 'fact',
		visibility: 'shared'
	},
	{
		key: 'care-order-2020',
		author: 'priya',
		kind: 'decision',
		title: 'The family court makes a care order',
		body: text(
			'On 24 June 2020, the family court made a care order for Maya. Leo got a care order too.',
			"A care order means the local authority shares parental responsibility for Maya with Mum. Together they make the big decisions about Maya's care. Mum is still Maya's mum.",
			'Maya stayed living with Mr and Mrs Evans. The court said Maya should keep seeing Mum, Leo and Nana Pearl.'
		),
		eventDate: '2020-06-24',
		precision: 'day',
		nature: 'decision',
		decisionBy: 'The family court',
		decisionBasis:
			'The court decided that Maya needed to stay in care for the long term, because Mum was still not well enough to look after her at home. The court also said that time with Mum, Leo and Nana is very important for Maya.',
		visibility: 'shared'
	},
	{
		key: 'swimming-lessons',
		author: 'priya',
		kind: 'record_entry',
		title: 'Maya starts swimming lessons',
		body: text(
			'In 2021, Maya started swimming lessons. Mrs Evans took her every Saturday morning.',
			'At first Maya did not like putting her face in the water. By the end of the year she could swim a width on her own.'
		),
		eventDate: '2021',
		precision: 'year',
		nature: 'fact',
		visibility: 'shared'
	},
	{
		key: 'respite-2021',
		author: 'priya',
		kind: 'record_entry',
		title: 'A respite weekend',
		body: text(
			'Mr and Mrs Evans went to a family wedding this weekend. Maya stayed with respite foster carers for two nights. Respite means a short stay with other carers.',
			'Maya had met them before, so she knew them. She went to the park and baked cookies. She was happy to see Mr and Mrs Evans again on Sunday.'
		),
		eventDate: '2021-08-13',
		precision: 'day',
		nature: 'fact',
		visibility: 'shared'
	},
	{
		key: 'dyslexia-report',
		author: 'priya',
		kind: 'record_entry',
		title: "Maya's dyslexia assessment",
		body: text(
			'An educational psychologist met Maya at school and wrote a report. Maya did some reading, spelling and puzzle games.',
			'The report says Maya has dyslexia. This means reading and spelling take more effort for her. It does not mean she is less clever. Maya did very well on the puzzles and thinking games.',
			'The report suggests short instructions, pictures and extra time.'
		),
		eventDate: '2021-11-22',
		precision: 'day',
		nature: 'third_party',
		source: { kind: 'document', name: "Educational psychologist's report" },
		thirdPartyPermission: true,
		visibility: 'shared'
	},
	{
		key: 'evans-retiring',
		author: 'priya',
		kind: 'record_entry',
		title: 'Mr and Mrs Evans will stop fostering',
		body: text(
			'Mr and Mrs Evans told Priya that they plan to stop fostering this summer. They are moving to live nearer their grandchildren. This is not because of anything Maya did.',
			'Priya talked with Maya about it. Maya felt sad and cross. She said she wants to:',
			'- stay at her school\n- keep seeing Nana, Leo and Mum\n- live somewhere with other children'
		),
		eventDate: '2022-03-14',
		precision: 'day',
		nature: 'fact',
		visibility: 'shared'
	},

	// Oak House, from September 2022
	{
		key: 'move-oak-house',
		author: 'priya',
		kind: 'decision',
		title: 'Decision: Maya will move to Oak House',
		body: text(
			"At Maya's looked-after review, it was agreed that Maya will move to Oak House, a small children's home. Four young people live there, with staff there day and night.",
			'Maya visited Oak House twice before the review. She liked the garden and the art room. She said she would try it.',
			'The move will happen at the start of the new school year, so that Maya can say goodbye to Mr and Mrs Evans properly.'
		),
		eventDate: '2022-07-05',
		precision: 'day',
		nature: 'decision',
		decisionBy: `${iro}, with Priya Shah (social worker)`,
		decisionBasis:
			"Mr and Mrs Evans are stopping fostering. No foster family could be found near Maya's school, Nana and Leo. Oak House is close to all of them. Maya visited and said she would like to try living there.",
		visibility: 'shared'
	},
	{
		key: 'oak-house-move',
		author: 'sam',
		kind: 'record_entry',
		title: 'Maya moves to Oak House',
		body: text(
			'Maya moved to Oak House on 21 September 2022. Mrs Evans and Priya came with her, and Mrs Evans stayed for tea.',
			"Maya's bedroom had been painted light green, the colour she chose on her visit. She put her drawings up on the wall straight away.",
			"Sam is Maya's key worker at Oak House. Her placement plan was agreed on the same day."
		),
		eventDate: '2022-09-21',
		precision: 'day',
		nature: 'fact',
		visibility: 'shared'
	},
	{
		key: 'oak-house-move-date',
		author: 'sam',
		kind: 'record_entry',
		title: 'Maya moves to Oak House (date corrected)',
		body: text(
			'Maya moved to Oak House on 12 September 2022. Mrs Evans and Priya came with her, and Mrs Evans stayed for tea.',
			"Maya's bedroom had been painted light green, the colour she chose on her visit. She put her drawings up on the wall straight away.",
			"Sam is Maya's key worker at Oak House. Her placement plan was agreed on the same day."
		),
		eventDate: '2022-09-12',
		precision: 'day',
		nature: 'fact',
		visibility: 'shared',
		corrects: {
			key: 'oak-house-move',
			reason: 'The date of the move was wrong. It was 12 September, not 21 September.'
		}
	},
	{
		key: 'oak-house-settling',
		author: 'sam',
		kind: 'record_entry',
		title: 'How Maya is settling in at Oak House',
		body: text(
			'Maya has now lived at Oak House for six weeks.',
			'Sam thinks Maya is settling in well. Some evenings have been hard, especially after phone calls with Mum. That is understandable after a big move.'
		),
		eventDate: '2022-10-24',
		precision: 'day',
		nature: 'opinion',
		opinionReasons:
			'Maya is sleeping better than in her first week. She joins in at mealtimes and has made a friend in the house. She has gone to school every day. She told Sam: "It\'s OK here. The food is good."',
		visibility: 'shared'
	},
	{
		key: 'life-story-work',
		author: 'priya',
		kind: 'record_entry',
		title: 'Starting life story work',
		body: text(
			'Maya and Priya had their first life story work session today. Life story work helps Maya understand her story and why she is in care.',
			'Maya chose a purple book for her life story book. She stuck in a photo of Biscuit and one of Leo.',
			'They will meet every two weeks. Maya can stop or take a break whenever she wants.'
		),
		eventDate: '2023-01-18',
		precision: 'day',
		nature: 'fact',
		visibility: 'shared'
	},
	{
		key: 'contact-plan',
		author: 'priya',
		kind: 'decision',
		title: "Decision: Maya's contact plan",
		body: text(
			"At Maya's looked-after review, her contact plan was agreed. Contact means time with family.",
			"- Mum: once a month at the family centre, with a worker there to help\n- Leo: every two weeks, at the park or the family centre\n- Nana Pearl: every other Saturday at Nana's house, and phone calls whenever Maya likes",
			"This will be looked at again at Maya's next review."
		),
		eventDate: '2023-03-08',
		precision: 'day',
		nature: 'decision',
		decisionBy: iro,
		decisionBasis:
			'Maya said she wants to see Nana and Biscuit more, and to keep seeing Mum and Leo. Visits to Nana have always gone well. Mum asked for some help at visits, so a worker will be there.',
		visibility: 'shared'
	},
	{
		key: 'contact-may-2023',
		author: 'sam',
		kind: 'record_entry',
		title: 'Family time with Mum and Leo',
		body: text(
			'Sam took Maya to the family centre after school to see Mum and Leo.',
			'Mum brought a chocolate cake. Maya, Leo and Mum played Uno, and Maya won twice. Maya showed Mum her swimming badge.',
			'When it was time to go, Maya hugged Mum and Leo. She was quiet in the car, then asked for her favourite music.',
			'Sam wrote this note four days after the visit. It should have been written on the same day.'
		),
		eventDate: '2023-05-10',
		precision: 'day',
		recordedDaysAfter: 4,
		nature: 'fact',
		visibility: 'shared'
	},
	{
		key: 'mum-health',
		author: 'priya',
		kind: 'record_entry',
		title: "Update on Sally's health from her GP",
		body: text(
			"With Sally's written consent, her GP sent Priya an update on her health.",
			'Sally is receiving ongoing treatment and regular support from the community mental health team. The GP reports that she is attending her appointments and that her health has been more settled over recent months.',
			'The GP did not give permission for this to be shared with Maya. Sally has said she would like to talk with Maya about her health herself, with support, when she feels ready.'
		),
		eventDate: '2023-06-20',
		precision: 'day',
		nature: 'third_party',
		source: { kind: 'person', name: "Sally Thompson's GP", relationship: "mum's doctor" },
		thirdPartyPermission: false,
		visibility: 'staff_only'
	},
	{
		key: 'missed-contact',
		author: 'priya',
		kind: 'record_entry',
		title: 'Effect of missed contact on Maya',
		body: text(
			'Sally did not attend the last two contact sessions at the family centre, in June. Both times, Maya found out when she arrived at the centre.',
			"In Priya's view, the missed sessions are affecting Maya's wellbeing and should not happen this way again.",
			"Plan agreed with Oak House: the family centre will confirm Sally's attendance the morning before each session, and Maya will only be told the plan once it is confirmed. Sally has agreed to this and says she wants to make it work."
		),
		eventDate: '2023-07-04',
		precision: 'day',
		nature: 'opinion',
		opinionReasons:
			'Oak House staff report that Maya slept poorly and argued with other young people in the days after each missed session. She told Sam: "Mum forgot me." Her class teacher has noticed she is less settled on the mornings that follow.',
		visibility: 'staff_only'
	},
	{
		key: 'ehc-assessment',
		author: 'priya',
		kind: 'record_entry',
		title: 'Asking for an EHC needs assessment',
		body: text(
			"Maya's school and Priya have asked the council for an EHC needs assessment. EHC stands for education, health and care.",
			'This is to see if Maya needs an EHC plan. The plan would set out the extra help Maya gets with reading and spelling, and make sure it carries on at secondary school.',
			'Maya told Priya what helps her most: short sentences, pictures, and not being asked to read out loud in class.'
		),
		eventDate: '2023-09-27',
		precision: 'day',
		nature: 'fact',
		visibility: 'shared'
	},
	{
		key: 'school-choice',
		author: 'priya',
		kind: 'decision',
		title: "Decision: Maya's secondary school",
		body: text(
			"Maya's first choice for secondary school will be Riverside Academy. The school application was sent today.",
			'Maya visited three schools with Sam. She liked Riverside Academy best. She said the art room was "amazing", and she liked the swimming pool.'
		),
		eventDate: '2023-10-20',
		precision: 'day',
		nature: 'decision',
		decisionBy:
			'Priya Shah, social worker, for the local authority, after listening to Maya and taking advice from the virtual school head',
		decisionBasis:
			"Maya liked Riverside Academy best. It has a strong team for children with dyslexia, an art club and a swimming pool. It is a short bus ride from Oak House, and two of Maya's friends are going there too.",
		visibility: 'shared'
	},
	{
		key: 'ehc-plan',
		author: 'priya',
		kind: 'record_entry',
		title: "Maya's EHC plan is ready",
		body: text(
			"In February 2024, Maya's EHC plan was finished. It names Riverside Academy as her secondary school.",
			'The plan says Maya will get:',
			'- reading and spelling help three times a week\n- a laptop that can read text out loud\n- extra time in tests\n- instructions in short steps, with pictures',
			'The plan will be checked every year at an annual review.'
		),
		eventDate: '2024-02',
		precision: 'month',
		nature: 'fact',
		visibility: 'shared'
	},
	{
		key: 'swimming-400m',
		author: 'sam',
		kind: 'record_entry',
		title: 'Swimming certificate: 400 metres',
		body: text(
			'Maya swam 400 metres without stopping at her swimming club today. She got a certificate and a badge.',
			'Maya said the last two lengths were the hardest, but she kept going. She has put the certificate on her bedroom wall.',
			'Everyone at Oak House is very proud of her.'
		),
		eventDate: '2024-06-15',
		precision: 'day',
		nature: 'fact',
		visibility: 'shared',
		welsh: {
			title: 'Tystysgrif nofio: 400 metr',
			body: text(
				'Heddiw, nofiodd Maya 400 metr heb stopio yn ei chlwb nofio. Cafodd hi dystysgrif a bathodyn.',
				"Dywedodd Maya mai'r ddau hyd olaf oedd y rhai anoddaf, ond daliodd hi ati. Mae hi wedi rhoi'r dystysgrif ar wal ei hystafell wely.",
				'Mae pawb yn Oak House yn falch iawn ohoni.'
			)
		}
	},
	{
		key: 'riverside-first-day',
		author: 'sam',
		kind: 'record_entry',
		title: 'First day at Riverside Academy',
		body: text(
			'Today Maya started Year 7 at Riverside Academy. Sam took a photo of her at the door of Oak House in her new blazer.',
			'Maya met her form tutor and the school\'s designated teacher. She said the school was "big and a bit loud", but lunch was good.',
			'She is looking forward to art club on Thursdays.'
		),
		eventDate: '2024-09-04',
		precision: 'day',
		nature: 'fact',
		visibility: 'shared'
	},
	{
		key: 'pep-2024',
		author: 'sam',
		kind: 'record_entry',
		title: "Maya's PEP meeting",
		body: text(
			"Maya's PEP meeting was held at Riverside Academy. PEP stands for personal education plan. Maya, Sam, Priya and the designated teacher were there.",
			'Maya said she enjoys art and PE. She finds French spellings hard.',
			'Her new targets are:',
			'- read for ten minutes every day (audiobooks count too)\n- try out for the school swimming team\n- ask for help when instructions are too long'
		),
		eventDate: '2024-10-16',
		precision: 'day',
		nature: 'fact',
		visibility: 'shared'
	},
	{
		key: 'advocate',
		author: 'sam',
		kind: 'record_entry',
		title: 'Maya meets her advocate, Alex Morgan',
		body: text(
			'Maya met Alex Morgan, her advocate, at Oak House today.',
			'An advocate helps Maya say what she thinks and makes sure she is listened to. Alex does not work for Oak House or for the social work team.',
			'Maya asked Alex to help her write down her views for her next review.'
		),
		eventDate: '2025-01-22',
		precision: 'day',
		nature: 'fact',
		visibility: 'shared'
	},
	{
		key: 'reading-confidence',
		author: 'sam',
		kind: 'record_entry',
		title: 'Maya is growing in confidence with reading',
		body: text(
			'Sam thinks Maya is much more confident with reading than she was a year ago.',
			'Maya now chooses to read graphic novels at bedtime.'
		),
		eventDate: '2025-02-26',
		precision: 'day',
		nature: 'opinion',
		opinionReasons:
			'Maya read a menu out loud at a café last weekend without being asked. She has finished three graphic novels this term. Her reading support teacher told Sam that Maya now tries longer words instead of skipping them. Maya said: "Reading isn\'t as scary now."',
		visibility: 'shared'
	},
	{
		key: 'leo-health',
		author: 'priya',
		kind: 'record_entry',
		title: "Leo's health: update from his foster carers",
		body: text(
			'Ruth Hughes phoned to let Priya know that Leo is on the waiting list for a small operation to put grommets in his ears, to help his hearing. It is a routine operation and he should be home the same day.',
			"Leo is a bit worried about it. Ruth and Dan would like to talk it through with him first, and have asked that Maya is not told until Leo is happy for her to know. Leo's social worker is aware.",
			'Ruth did not give permission for this to be shared with Maya. To be looked at again once Leo is ready.'
		),
		eventDate: '2025-03-11',
		precision: 'day',
		nature: 'third_party',
		source: { kind: 'person', name: 'Ruth Hughes', relationship: "Leo's foster carer" },
		thirdPartyPermission: false,
		visibility: 'staff_only'
	},
	{
		key: 'art-prize',
		author: 'sam',
		kind: 'record_entry',
		title: "Art prize for Maya's drawing of Biscuit",
		body: text(
			"Maya won the Year 7 prize in the Riverside Academy art competition. Her drawing was of Biscuit, Nana's dog, asleep in his basket.",
			"The drawing is on show in the school library until September. Maya's prize was a set of drawing pencils.",
			'Maya said: "I drew him from a photo because I miss him."'
		),
		eventDate: '2025-07',
		precision: 'month',
		nature: 'fact',
		visibility: 'shared',
		welsh: {
			title: 'Gwobr gelf am lun Maya o Biscuit',
			body: text(
				'Enillodd Maya wobr Blwyddyn 7 yng nghystadleuaeth gelf Riverside Academy. Llun o Biscuit, ci Nana, yn cysgu yn ei fasged oedd ei llun hi.',
				"Mae'r llun i'w weld yn llyfrgell yr ysgol tan fis Medi. Set o bensiliau lluniadu oedd gwobr Maya.",
				'Dywedodd Maya: "Fe wnes i ei dynnu fe o ffotograff achos dw i\'n gweld ei eisiau e."'
			)
		}
	},
	{
		key: 'school-report-2025',
		author: 'sam',
		kind: 'record_entry',
		title: "Maya's Year 7 school report",
		body: text(
			"Riverside Academy sent Maya's end of Year 7 report.",
			'The report says:',
			"- Maya's attendance was 97%\n- she works hard in English, and her spelling is improving\n- she is one of the strongest artists in her year\n- she is kind and helpful in class",
			'Her form tutor wrote: "Maya should be really proud of this year."'
		),
		eventDate: '2025-07-18',
		precision: 'day',
		nature: 'third_party',
		source: { kind: 'document', name: 'Riverside Academy end of Year 7 report' },
		thirdPartyPermission: true,
		visibility: 'shared'
	},
	{
		key: 'seaside-trip',
		author: 'sam',
		kind: 'record_entry',
		title: 'Oak House trip to the seaside',
		body: text(
			'Maya went on the Oak House summer trip to the seaside, with two other young people, Sam and Chris.',
			'Maya went bodyboarding for the first time and stood up on the board once. She drew the lighthouse in her sketchbook.',
			'On the way home everyone had fish and chips. Maya said it was "the best day of the summer".'
		),
		eventDate: '2025-08-14',
		precision: 'day',
		nature: 'fact',
		visibility: 'shared'
	},
	{
		key: 'review-2025',
		author: 'priya',
		kind: 'record_entry',
		title: "Maya's looked-after review",
		body: text(
			"Maya's looked-after review was held at Oak House. Helen Price, Maya's IRO, chaired it. Maya came for the first half, and Alex Morgan, her advocate, helped her share her views.",
			'Maya said:',
			"- she is happy at Oak House and wants to stay\n- she would like to stay overnight at Nana's\n- she would like to see Leo more in the school holidays",
			"Helen asked Priya to look into overnight stays at Nana's before the next review. Maya's care plan was updated."
		),
		eventDate: '2025-11-12',
		precision: 'day',
		recordedDaysAfter: 1,
		nature: 'fact',
		visibility: 'shared'
	},
	{
		key: 'welcoming',
		author: 'chris',
		kind: 'record_entry',
		title: 'Maya helps a new young person settle in',
		body: text(
			'A new young person moved into Oak House this month.',
			'Chris thinks Maya has been a big help in making them feel welcome.'
		),
		eventDate: '2025-12-10',
		precision: 'day',
		nature: 'opinion',
		opinionReasons:
			'Maya made a welcome card and showed the new young person around the house and garden. She invited them to watch a film on their first night. Staff did not ask her to do any of this. The young person told staff that Maya was "really nice to me".',
		visibility: 'shared'
	},
	{
		key: 'nana-overnights',
		author: 'priya',
		kind: 'decision',
		title: "Overnight stays at Nana's",
		body: text(
			"Maya can now stay overnight at Nana Pearl's house one weekend a month.",
			'Maya asked for this at her review. She said she wants more time with Nana, and with Biscuit.',
			'Sam or Priya will check in with Maya after each stay, to see how it went.'
		),
		eventDate: '2026-03-04',
		precision: 'day',
		nature: 'decision',
		decisionBy: iro,
		decisionBasis:
			"Maya asked for this. Her Saturday visits to Nana have gone well for over three years. Priya visited Nana's home and checked there is a safe, comfortable bedroom for Maya.",
		visibility: 'shared',
		welsh: {
			title: 'Aros dros nos gyda Nana',
			body: text(
				"Mae Maya'n cael aros dros nos yn nhŷ Nana Pearl un penwythnos y mis bellach.",
				'Gofynnodd Maya am hyn yn ei hadolygiad. Dywedodd ei bod hi eisiau mwy o amser gyda Nana, a gyda Biscuit.',
				'Bydd Sam neu Priya yn siarad â Maya ar ôl pob arhosiad, i weld sut aeth pethau.'
			)
		}
	},
	{
		key: 'online-safety',
		author: 'sam',
		kind: 'record_entry',
		title: 'Maya keeps herself safe online',
		body: text(
			'Maya told Sam that someone she did not know had sent her messages on a game. The messages made her feel uneasy.',
			'Telling Sam was exactly the right thing to do. Together they blocked and reported the account, and checked the privacy settings on her phone and games.',
			'Maya is not in trouble. Sam told Chris, as staff always do when something might not be safe.'
		),
		eventDate: '2026-05-18',
		precision: 'day',
		nature: 'fact',
		visibility: 'shared'
	},
	{
		key: 'police-enquiry',
		author: 'chris',
		kind: 'record_entry',
		title: 'Police enquiry about an adult',
		body: text(
			'Police contacted Oak House as part of an enquiry into an adult believed to have sent messages to several young people through an online game. The messages Maya reported to Sam on 18 May are part of this enquiry.',
			"There is nothing to suggest Maya has come to any harm, and she has not been asked to give a statement at this stage. Maya's social worker and her IRO have been told.",
			'The police have asked that details of the adult and of their enquiry are not shared while the investigation continues.'
		),
		eventDate: '2026-05-27',
		precision: 'day',
		nature: 'fact',
		visibility: 'confidential',
		confidentialReason:
			'The police asked that information about the adult and their enquiry is withheld while they investigate. To be reviewed when the police confirm the enquiry has finished.'
	},
	{
		key: 'risk-assessment-2026',
		author: 'chris',
		kind: 'record_entry',
		title: 'Risk assessment reviewed: online safety',
		body: text(
			"Maya's risk assessment was reviewed following the online messages she reported on 18 May. The online safety section has been updated.",
			"Agreed actions: her key worker will check the privacy settings on Maya's phone and games console with her once a month. The house rule that phones are charged outside bedrooms at night continues for all young people. No further restrictions are needed.",
			'Maya took part in the review, understood the reasons and agreed to the plan.'
		),
		eventDate: '2026-06-02',
		precision: 'day',
		nature: 'fact',
		visibility: 'staff_only'
	},
	{
		key: 'health-assessment-2026',
		author: 'sam',
		kind: 'record_entry',
		title: "Maya's health assessment",
		body: text(
			'Maya had her yearly health assessment with the children in care nurse today. Sam went with her.',
			'Maya is healthy and growing well. Her eyes and teeth have been checked this year and are fine. The nurse said swimming is great for her fitness.',
			'Maya asked about sleep, because she sometimes finds it hard to drop off. The nurse gave her some tips. Maya chose to try reading before bed instead of using her phone.'
		),
		eventDate: '2026-06-09',
		precision: 'day',
		nature: 'fact',
		visibility: 'shared'
	},
	{
		key: 'swimming-gala',
		author: 'sam',
		kind: 'record_entry',
		title: 'Second place at the swimming gala',
		body: text(
			"Maya swam in her swimming club's summer gala today. She came second in the 50 metres backstroke.",
			'Mum and Nana Pearl came to watch and cheered very loudly. Afterwards they all went for hot chocolate.'
		),
		eventDate: '2026-07-04',
		precision: 'day',
		nature: 'fact',
		visibility: 'shared'
	},
	{
		key: 'cooking',
		author: 'sam',
		kind: 'record_entry',
		title: 'Maya is ready to cook one meal a week',
		body: text(
			'Sam thinks Maya is ready to plan and cook one meal a week for the house, with a member of staff helping.',
			'This is a first step in learning skills for when she is older. Maya chose spaghetti bolognese for her first meal.'
		),
		eventDate: '2026-09-16',
		precision: 'day',
		nature: 'opinion',
		opinionReasons:
			'Maya has helped in the kitchen most weekends this year. She uses the cooker and knives safely. She can follow a recipe with pictures. She asked if she could do more.',
		visibility: 'shared'
	},
	{
		key: 'staying-at-oak-house',
		author: 'priya',
		kind: 'decision',
		title: 'Maya stays at Oak House',
		body: text(
			"At Maya's looked-after review, everyone agreed that Maya will stay at Oak House. This is part of her care plan.",
			'Maya said she feels at home here. She wants to stay near Riverside Academy, her swimming club, Nana and Leo.',
			'When Maya is 15 or 16, she and Priya will start her pathway plan. This is a plan for growing up and, later, leaving care. Maya will get a personal adviser when she is older.'
		),
		eventDate: '2026-10-14',
		precision: 'day',
		recordedDaysAfter: 1,
		nature: 'decision',
		decisionBy: iro,
		decisionBasis:
			'Maya said she wants to stay. She is settled and doing well at Riverside Academy. Staying means she keeps her school, her swimming club and her time with Nana, Leo and Mum.',
		visibility: 'shared',
		welsh: {
			title: "Maya'n aros yn Oak House",
			body: text(
				"Yn adolygiad derbyn gofal Maya, cytunodd pawb y bydd Maya'n aros yn Oak House. Mae hyn yn rhan o'i chynllun gofal.",
				"Dywedodd Maya ei bod hi'n teimlo'n gartrefol yma. Mae hi eisiau aros yn agos at Riverside Academy, ei chlwb nofio, Nana a Leo.",
				"Pan fydd Maya yn 15 neu'n 16 oed, bydd hi a Priya'n dechrau ei chynllun llwybr. Cynllun ar gyfer tyfu i fyny ac, yn nes ymlaen, gadael gofal yw hwn. Bydd Maya'n cael cynghorydd personol pan fydd hi'n hŷn."
			)
		}
	},
	{
		key: 'pep-2026',
		author: 'sam',
		kind: 'record_entry',
		title: "Maya's Year 9 PEP meeting",
		body: text(
			"Maya's PEP meeting was held at Riverside Academy. Maya, Sam, Priya and the designated teacher were there. Alex Morgan, her advocate, came too, because Maya asked.",
			'Maya met all three of her targets from last year. She is now in the school swimming team.',
			'Next year Maya will choose her GCSE subjects. She wants to take art. Her new targets are:',
			'- visit the art department with her form tutor to find out about GCSE art\n- use her laptop for longer pieces of writing\n- keep reading every day'
		),
		eventDate: '2026-11-04',
		precision: 'day',
		nature: 'fact',
		visibility: 'shared'
	}
];
