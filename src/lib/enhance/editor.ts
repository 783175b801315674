import { mountEditor, startingContent, type EditorLabels } from '$lib/editor/mount';

/**
 * Puts the editor in place of a child's plain text box (`<textarea data-editor="small"
 * data-doc="…" data-labels="…">` from body-field.svelte), starting from what they typed, and
 * keeping their place: the editor takes the focus the box had.
 */
export function upgrade(textarea: HTMLTextAreaElement, small: boolean): void {
	const field = textarea.closest('.field');
	const label = field?.querySelector('label');
	if (!label || !textarea.isConnected) return;
	const labels = JSON.parse(textarea.dataset.labels ?? '{}') as EditorLabels;
	label.id ||= `${textarea.id}-label`;
	label.removeAttribute('for');
	const container = document.createElement('div');
	const focus = document.activeElement === textarea;
	const content = startingContent(
		textarea.value,
		textarea.defaultValue,
		textarea.dataset.doc ?? ''
	);
	// The plain box leaves the form: the words go as the editor's document instead.
	textarea.replaceWith(container);
	mountEditor(container, {
		name: 'bodyDoc',
		content,
		labelledBy: label.id,
		describedBy: textarea.getAttribute('aria-describedby') ?? undefined,
		focus,
		small,
		labels
	});
}
