import type { Doc } from './rich-text';

/** The review or meeting something was written for: what it is and when. */
export type ForMeeting = { id: string; kind: string; title: string | null; date: string };

/** An entry as a page shows it. Pages never receive more than the reader may see. */
export type FullCard = {
	view: 'full';
	id: string;
	kind: string;
	status: 'draft' | 'final';
	title: string;
	bodyDoc: Doc;
	/** The reader's own language, when there is a translation; the original is always in title/bodyDoc. */
	translation: { locale: string; title: string; bodyDoc: Doc; translatedBy: string } | null;
	translationLocales: string[];
	author: { id: string; name: string; postTitle: string | null; role: string };
	createdAt: Date;
	recordedAt: Date | null;
	event: { date: string; precision: string; label: string | null };
	source: { kind: string; name: string | null; relationship: string | null };
	nature: string;
	opinionReasons: string | null;
	decisionBy: string | null;
	decisionBasis: string | null;
	thirdPartyPermission: boolean;
	visibility: string;
	confidentialReason: string | null;
	/** Shared with a content note: the reader sees it first and chooses whether to read on now. */
	contentNote: string | null;
	isLate: boolean;
	supersedes: { id: string; title: string } | null;
	correctedBy: { id: string; recordedAt: Date | null; reason: string; authorName: string }[];
	/** A confidential item a manager moved out: when; where to and the decision, for staff only. */
	released: { recordedAt: Date | null; id: string | null; to: string | null } | null;
	/** What the child's own kinds carry: a view's answers and feelings, a life event's place... */
	details: {
		answers?: Partial<Record<string, string>>;
		feelings?: string[];
		place?: string;
		people?: string;
		age?: number;
		urgent?: 'talk' | 'unsafe';
		meetingId?: string;
		/** The review or meeting a view was for, when it is this child's. */
		meeting?: ForMeeting;
	} | null;
	media: {
		id: string;
		kind: 'photo' | 'audio';
		caption: string;
		width: number | null;
		height: number | null;
	}[];
	/** "I disagree": who disputes this entry, since when, and how it was answered. */
	disputes: {
		id: string;
		byName: string;
		receivedOn: string;
		status: 'sent' | 'acknowledged' | 'decided';
		outcome: 'corrected' | 'side_added' | 'not_changed' | null;
		/** The child's account, shown beside the entry for good once "their side" is added. */
		side: string | null;
	}[];
	/** "You said, we did": staff answers to a view. */
	responses: { id: string; recordedAt: Date | null; authorName: string; bodyDoc: Doc }[];
};

/** Where something confidential was lodged: that it was, and when. Nothing of its content. */
export type NeutralCard = { view: 'neutral'; id: string; recordedAt: Date | null };

export type EntryCard = FullCard | NeutralCard;
