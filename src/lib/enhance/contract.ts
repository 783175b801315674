/**
 * What the server-drawn components and the page script (./page.ts and what it loads) agree on.
 * Each data attribute is named once, here. A component spreads what a function below returns
 * (`<div {...offlineSyncBox(messages)}>`); the script finds elements with the matching selector
 * and reads what they carry with the matching `read…` function, which checks the JSON and gives
 * `null` for anything else. Kept small: the page script carries it on every page.
 */

export const attributes = {
	/** A read-aloud box; its payload is ReadAloud. */
	readAloud: 'data-read-aloud',
	/** Where a read-aloud box is: idle, speaking, paused or no-voice (set by the script). */
	readState: 'data-state',
	/** One read-aloud control: ReadControl. */
	read: 'data-read',
	/** In the controls' template: the words "no voice for {language}" and the offer of English. */
	noVoice: 'data-no-voice',
	tryEnglish: 'data-try-english',
	/** A glossary word: explained on the first tap. */
	term: 'data-term',
	/** A button that prints the page. */
	print: 'data-print',
	/** A form whose words are kept on the device when it cannot be sent. */
	offlineDrafts: 'data-offline-drafts',
	/** Where such a form says it kept them (made by the script). */
	offlineStatus: 'data-offline-status',
	/** The page's offline box; its payload is OfflineSync. */
	offlineSync: 'data-offline-sync',
	/** The voice recorder; its payload is Recorder. */
	recorder: 'data-recorder',
	/** The recorder's buttons, hidden until the browser can record. */
	recordControls: 'data-record-controls',
	/** One part of the recorder: RecordPart. */
	record: 'data-record',
	/** A child's text box that becomes the editor on first touch; its payload is EditorUpgrade. */
	editor: 'data-editor',
	/** A photo input whose photos are made smaller before they are sent; its payload is ShrinkPhotos. */
	shrinkPhotos: 'data-shrink-photos'
} as const;

/** The id of the page's one `<template>` of read-aloud controls. */
export const readAloudControlsId = 'read-aloud-controls';

export type ReadControl = 'play' | 'pause' | 'resume' | 'stop' | 'no-voice';
export type ReadState = 'idle' | 'speaking' | 'paused' | 'no-voice';
export type RecordPart = 'start' | 'stop' | 'time';

export interface ReadAloud {
	text: string;
	/** The text's language tag, and its name in the page's language. */
	lang: string;
	langName: string;
}

export interface OfflineSync {
	signedIn: boolean;
	sent: string;
	attention: string;
	openLabel: string;
	/** What a form with offlineDrafts says when it kept a draft, or could not. */
	saved: string;
	notSaved: string;
}

export interface Recorder {
	/** "Recording: {time}". */
	recordingFor: string;
}

export interface EditorLabels {
	toolbar: string;
	heading: string;
	subheading: string;
	bold: string;
	bullets: string;
	numbers: string;
	link: string;
	linkPrompt: string;
}

export interface EditorUpgrade {
	/** The saved document as the server sent it (JSON), to start from if the words are unchanged. */
	doc: string;
	labels: EditorLabels;
}

/** How small a photo is made in the browser: what the server keeps (its display size). */
export interface ShrinkPhotos {
	/** The longest side, in pixels. */
	maxEdge: number;
	/** The encoder's quality, 0 to 1: high, since the server encodes it once more. */
	quality: number;
}

type Attributes = Record<string, string>;

/** `[data-x]`, or `[data-x="value"]`. */
export function selector(name: string, value?: string): string {
	return value === undefined ? `[${name}]` : `[${name}="${value}"]`;
}

/** An attribute that only marks an element: `{ 'data-print': '' }`. */
export function marker(name: (typeof attributes)[keyof typeof attributes]): Attributes {
	return { [name]: '' };
}

export const readControl = (control: ReadControl): Attributes => ({ [attributes.read]: control });
export const recordPart = (part: RecordPart): Attributes => ({ [attributes.record]: part });

const payload = (name: string, value: unknown): Attributes => ({ [name]: JSON.stringify(value) });

export const readAloudBox = (value: ReadAloud): Attributes => ({
	...payload(attributes.readAloud, value),
	[attributes.readState]: 'idle' satisfies ReadState
});
export const offlineSyncBox = (value: OfflineSync): Attributes =>
	payload(attributes.offlineSync, value);
export const recorderBox = (value: Recorder): Attributes => payload(attributes.recorder, value);
export const editorBox = (value: EditorUpgrade): Attributes => payload(attributes.editor, value);
export const shrinkPhotosInput = (value: ShrinkPhotos): Attributes =>
	payload(attributes.shrinkPhotos, value);

/** The attribute's JSON as an object, or null. */
function object(json: string | null | undefined): Record<string, unknown> | null {
	let value: unknown;
	try {
		value = JSON.parse(json ?? '');
	} catch {
		return null;
	}
	return typeof value === 'object' && value !== null && !Array.isArray(value)
		? (value as Record<string, unknown>)
		: null;
}

/** Only the named fields, each a string (or a boolean): a copy, or null if one is missing. */
function fields<T>(
	value: unknown,
	strings: readonly (keyof T & string)[],
	booleans: readonly (keyof T & string)[] = []
): T | null {
	if (typeof value !== 'object' || value === null) return null;
	const record = value as Record<string, unknown>;
	const copy: Record<string, unknown> = {};
	for (const [keys, type] of [
		[strings, 'string'],
		[booleans, 'boolean']
	] as const) {
		for (const key of keys) {
			if (typeof record[key] !== type) return null;
			copy[key] = record[key];
		}
	}
	return copy as T;
}

type Json = string | null | undefined;

export const parseReadAloud = (json: Json) =>
	fields<ReadAloud>(object(json), ['text', 'lang', 'langName']);
export const parseOfflineSync = (json: Json) =>
	fields<OfflineSync>(
		object(json),
		['sent', 'attention', 'openLabel', 'saved', 'notSaved'],
		['signedIn']
	);
export const parseRecorder = (json: Json) => fields<Recorder>(object(json), ['recordingFor']);
export function parseEditorUpgrade(json: Json): EditorUpgrade | null {
	const value = object(json);
	const labels = fields<EditorLabels>(value?.labels, [
		'toolbar',
		'heading',
		'subheading',
		'bold',
		'bullets',
		'numbers',
		'link',
		'linkPrompt'
	]);
	return typeof value?.doc === 'string' && labels ? { doc: value.doc, labels } : null;
}

export function parseShrinkPhotos(json: Json): ShrinkPhotos | null {
	const value = object(json);
	const { maxEdge, quality } = value ?? {};
	return typeof maxEdge === 'number' &&
		maxEdge >= 1 &&
		typeof quality === 'number' &&
		quality > 0 &&
		quality <= 1
		? { maxEdge, quality }
		: null;
}

/** What an element carries under one of the attributes above, read with its parser. */
export function read<T>(
	element: Element | null | undefined,
	name: string,
	parser: (json: Json) => T | null
): T | null {
	return element ? parser(element.getAttribute(name)) : null;
}
