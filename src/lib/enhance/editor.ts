import { mountEditor, startingContent } from '$lib/editor/mount';
import { parseEditorUpgrade } from './contract';

/**
 * Puts the editor, with the child's small toolbar, in place of their plain text box (the box
 * carried `editorBox(…)` from body-field.svelte: the saved document and the toolbar's words),
 * starting from what they typed, and keeping their place: the editor takes the focus the box had.
 * A box whose payload does not read stays a plain box, which works as well.
 */
export function upgrade(textarea: HTMLTextAreaElement, json: string | null): void {
	const upgrade = parseEditorUpgrade(json);
	const label = textarea.labels?.[0];
	if (!upgrade || !label || !textarea.isConnected) return;
	label.id ||= `${textarea.id}-label`;
	label.removeAttribute('for');
	const container = document.createElement('div');
	const focus = document.activeElement === textarea;
	const content = startingContent(textarea.value, textarea.defaultValue, upgrade.doc);
	// The plain box leaves the form: the words go as the editor's document instead.
	textarea.replaceWith(container);
	mountEditor(container, {
		name: 'bodyDoc',
		content,
		labelledBy: label.id,
		describedBy: textarea.getAttribute('aria-describedby') ?? undefined,
		focus,
		small: true,
		labels: upgrade.labels
	});
}
