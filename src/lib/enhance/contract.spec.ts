import { describe, expect, it } from 'vitest';
import {
	attributes,
	editorBox,
	offlineSyncBox,
	parseEditorUpgrade,
	parseOfflineSync,
	parseReadAloud,
	parseRecorder,
	readAloudBox,
	recorderBox,
	type EditorLabels
} from './contract';

const labels: EditorLabels = {
	toolbar: 'Text style',
	heading: 'Heading',
	subheading: 'Subheading',
	bold: 'Bold',
	bullets: 'Bullet list',
	numbers: 'Numbered list',
	link: 'Link',
	linkPrompt: 'Web address'
};

describe('what a component writes, the script reads back', () => {
	it('for each payload', () => {
		const sync = {
			signedIn: true,
			sent: 'Sent',
			attention: 'Needs you',
			openLabel: 'Open it',
			saved: 'Saved "here"',
			notSaved: 'Not saved'
		};
		expect(parseOfflineSync(offlineSyncBox(sync)[attributes.offlineSync])).toEqual(sync);
		const aloud = { text: 'Line one.\nمرحبا', lang: 'ar', langName: 'Arabic' };
		expect(parseReadAloud(readAloudBox(aloud)[attributes.readAloud])).toEqual(aloud);
		expect(
			parseRecorder(recorderBox({ recordingFor: 'Recording: {time}' })[attributes.recorder])
		).toEqual({ recordingFor: 'Recording: {time}' });
		const upgrade = { doc: '{"type":"doc","content":[]}', labels };
		expect(parseEditorUpgrade(editorBox(upgrade)[attributes.editor])).toEqual(upgrade);
	});
});

describe('the parsers refuse what the components never write', () => {
	it('no attribute, not JSON, not an object', () => {
		for (const json of [null, undefined, '', '{', 'null', '"text"', '[]', '42']) {
			expect(parseReadAloud(json)).toBeNull();
			expect(parseOfflineSync(json)).toBeNull();
			expect(parseRecorder(json)).toBeNull();
			expect(parseEditorUpgrade(json)).toBeNull();
		}
	});

	it('a field missing or of the wrong type', () => {
		expect(parseReadAloud('{"text":"Hi","lang":"en"}')).toBeNull();
		expect(parseRecorder('{"recordingFor":5}')).toBeNull();
		const sync = { sent: 'a', attention: 'b', openLabel: 'c', saved: 'd', notSaved: 'e' };
		expect(parseOfflineSync(JSON.stringify({ ...sync, signedIn: 'yes' }))).toBeNull();
		expect(parseOfflineSync(JSON.stringify(sync))).toBeNull();
		expect(
			parseEditorUpgrade(JSON.stringify({ doc: '', labels: { ...labels, bold: 1 } }))
		).toBeNull();
		expect(parseEditorUpgrade(JSON.stringify({ labels }))).toBeNull();
	});

	it('keeps only the fields it knows', () => {
		const json = JSON.stringify({ recordingFor: 'R', onclick: 'alert(1)' });
		expect(parseRecorder(json)).toEqual({ recordingFor: 'R' });
	});
});
