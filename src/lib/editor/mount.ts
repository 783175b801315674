import { Editor, type JSONContent } from '@tiptap/core';
import StarterKit from '@tiptap/starter-kit';
import type { EditorLabels } from '$lib/enhance/contract';

/**
 * The tiptap editor, loaded only where someone writes. It offers exactly what the server keeps:
 * headings, bold, lists and links. Its document goes to the server as JSON in a hidden input.
 * Plain DOM, so that a hydrated staff page (through body-field.svelte) and a child's page with no
 * framework (through the page script) both use this one editor.
 */

export type { EditorLabels };

export interface EditorOptions {
	/** The hidden input's name: the server reads the document from it. */
	name: string;
	content: JSONContent | string;
	labelledBy: string;
	describedBy?: string;
	focus?: boolean;
	/** A child's tiny toolbar: bold and a list. The server keeps the same allowlist either way. */
	small?: boolean;
	labels: EditorLabels;
}

type Tool = {
	label: keyof EditorLabels;
	run: (editor: Editor) => void;
	active: (editor: Editor) => boolean;
	small?: boolean;
};

const tools: Tool[] = [
	{
		label: 'heading',
		run: (e) => e.chain().focus().toggleHeading({ level: 2 }).run(),
		active: (e) => e.isActive('heading', { level: 2 })
	},
	{
		label: 'subheading',
		run: (e) => e.chain().focus().toggleHeading({ level: 3 }).run(),
		active: (e) => e.isActive('heading', { level: 3 })
	},
	{
		label: 'bold',
		run: (e) => e.chain().focus().toggleBold().run(),
		active: (e) => e.isActive('bold'),
		small: true
	},
	{
		label: 'bullets',
		run: (e) => e.chain().focus().toggleBulletList().run(),
		active: (e) => e.isActive('bulletList'),
		small: true
	},
	{
		label: 'numbers',
		run: (e) => e.chain().focus().toggleOrderedList().run(),
		active: (e) => e.isActive('orderedList')
	},
	{ label: 'link', run: () => {}, active: (e) => e.isActive('link') }
];

/** Plain words as paragraphs (a blank line between them), escaped, for the editor to start from. */
function paragraphs(plain: string): string {
	const escape = (s: string) => s.replace(/[&<>"]/g, (c) => `&#${c.charCodeAt(0)};`);
	return plain
		.split(/\n{2,}/)
		.map((p) => `<p>${escape(p)}</p>`)
		.join('');
}

/**
 * What the editor starts from: the saved document when the words are still the saved ones,
 * otherwise what was typed into the plain box.
 */
export function startingContent(typed: string, text: string, doc: string): JSONContent | string {
	let parsed: JSONContent | null = null;
	try {
		parsed = JSON.parse(doc);
	} catch {
		parsed = null;
	}
	return typed === text && parsed?.type === 'doc' && parsed.content?.length
		? parsed
		: paragraphs(typed);
}

/** Draws the toolbar, the editor and its hidden input into `container`. */
export function mountEditor(container: HTMLElement, options: EditorOptions): { destroy(): void } {
	const { labels } = options;
	const box = document.createElement('div');
	box.className = 'editor';
	const toolbar = document.createElement('div');
	toolbar.className = 'editor-toolbar';
	toolbar.setAttribute('role', 'toolbar');
	toolbar.setAttribute('aria-label', labels.toolbar);
	const surface = document.createElement('div');
	const input = Object.assign(document.createElement('input'), {
		type: 'hidden',
		name: options.name
	});
	box.append(toolbar, surface, input);
	container.append(box);

	const shown = tools.filter((tool) => !options.small || tool.small);
	const buttons = shown.map((tool) => {
		const button = Object.assign(document.createElement('button'), {
			type: 'button',
			textContent: labels[tool.label]
		});
		button.setAttribute('aria-pressed', 'false');
		button.addEventListener('click', () =>
			tool.label === 'link' ? link(editor, labels.linkPrompt) : tool.run(editor)
		);
		toolbar.append(button);
		return button;
	});

	const editor: Editor = new Editor({
		element: surface,
		injectCSS: false,
		// Each paragraph, heading and list item takes the direction of its first letter, as the
		// pages show them (rich-text.svelte): English typed on an Arabic page reads left to right.
		textDirection: 'auto',
		content: options.content,
		extensions: [
			StarterKit.configure({
				heading: { levels: [2, 3] },
				blockquote: false,
				code: false,
				codeBlock: false,
				horizontalRule: false,
				italic: false,
				strike: false,
				underline: false,
				dropcursor: false,
				gapcursor: false,
				link: { openOnClick: false, autolink: true, protocols: ['http', 'https', 'mailto'] }
			})
		],
		editorProps: {
			attributes: {
				class: 'editor-content',
				role: 'textbox',
				'aria-multiline': 'true',
				'aria-labelledby': options.labelledBy,
				...(options.describedBy ? { 'aria-describedby': options.describedBy } : {})
			}
		},
		onTransaction: ({ editor: e }) => update(e)
	});

	function update(e: Editor) {
		input.value = JSON.stringify(e.getJSON());
		shown.forEach((tool, i) => buttons[i]?.setAttribute('aria-pressed', String(tool.active(e))));
	}

	update(editor);
	if (options.focus) editor.commands.focus('end');
	return {
		destroy() {
			editor.destroy();
			box.remove();
		}
	};
}

function link(editor: Editor, prompt: string) {
	if (editor.isActive('link')) {
		editor.chain().focus().unsetLink().run();
		return;
	}
	const href = window.prompt(prompt);
	if (href) editor.chain().focus().setLink({ href }).run();
}
