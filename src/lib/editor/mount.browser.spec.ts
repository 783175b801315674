import { afterEach, describe, expect, it, vi } from 'vitest';
import { userEvent } from 'vitest/browser';
import '../../app.css';
import { until } from '$lib/test/render';
import { mountEditor, startingContent, type EditorLabels, type EditorOptions } from './mount';

/** The tiptap editor in a real browser: what it offers, and what it sends to the server. */

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

let destroy = () => {};

function editor(options: Partial<EditorOptions> = {}) {
	const form = document.createElement('form');
	const label = Object.assign(document.createElement('p'), { id: 'body-label' });
	label.textContent = 'What happened';
	const container = document.createElement('div');
	form.append(label, container);
	document.body.append(form);
	destroy = mountEditor(container, {
		name: 'bodyDoc',
		content: '',
		labelledBy: 'body-label',
		labels,
		...options
	}).destroy;
	const surface = container.querySelector<HTMLElement>('[contenteditable=true]')!;
	const button = (name: string) =>
		[...container.querySelectorAll('button')].find((b) => b.textContent === name)!;
	/** What the form would send: the document, as the server reads it. */
	const sent = () => JSON.parse(String(new FormData(form).get('bodyDoc')));
	return { form, container, surface, button, sent };
}

afterEach(() => {
	destroy();
	document.body.replaceChildren();
});

describe('mountEditor', () => {
	it('is a labelled text box with the full toolbar, sending its document with the form', async () => {
		const { container, surface, sent } = editor({ content: '<p>Met Maya at school.</p>' });
		expect(surface.getAttribute('role')).toBe('textbox');
		expect(surface.getAttribute('aria-labelledby')).toBe('body-label');
		const toolbar = container.querySelector('[role=toolbar]')!;
		expect(toolbar.getAttribute('aria-label')).toBe('Text style');
		expect([...toolbar.querySelectorAll('button')].map((b) => b.textContent)).toEqual([
			'Heading',
			'Subheading',
			'Bold',
			'Bullet list',
			'Numbered list',
			'Link'
		]);
		// Each block takes the direction of its own words (textDirection 'auto': bidi, issue 14).
		expect(sent()).toEqual({
			type: 'doc',
			attrs: { dir: 'auto' },
			content: [
				{
					type: 'paragraph',
					attrs: { dir: 'auto' },
					content: [{ type: 'text', text: 'Met Maya at school.' }]
				}
			]
		});
	});

	it('makes text bold from the toolbar, and the button says it is pressed', async () => {
		const { surface, button, sent } = editor();
		await userEvent.click(surface);
		await userEvent.click(button('Bold'));
		expect(button('Bold').getAttribute('aria-pressed')).toBe('true');
		await userEvent.keyboard('Brave');
		expect(sent().content[0].content).toEqual([
			{ type: 'text', text: 'Brave', marks: [{ type: 'bold' }] }
		]);
	});

	it('gives a child only bold and a list', () => {
		const { container } = editor({ small: true });
		expect([...container.querySelectorAll('button')].map((b) => b.textContent)).toEqual([
			'Bold',
			'Bullet list'
		]);
	});

	it('keeps only what the server keeps: no italics, and no script in a pasted page', async () => {
		const { sent } = editor({
			content: '<p><em>soft</em> <a href="javascript:alert(1)">click</a><script>x()</script></p>'
		});
		const json = JSON.stringify(sent());
		expect(json).not.toContain('italic');
		expect(json).not.toContain('javascript:');
		expect(json).not.toContain('x()');
	});

	it('links to a web address the person gives, and refuses a script address', async () => {
		const { surface, button, sent } = editor({ content: '<p>Childline</p>' });
		await userEvent.click(surface);
		await userEvent.keyboard('{Control>}a{/Control}');
		const prompt = vi.spyOn(window, 'prompt').mockReturnValueOnce('javascript:alert(1)');
		await userEvent.click(button('Link'));
		expect(JSON.stringify(sent())).not.toContain('javascript:');
		prompt.mockReturnValueOnce('https://www.childline.org.uk');
		await userEvent.click(button('Link'));
		expect(sent().content[0].content[0].marks).toEqual([
			expect.objectContaining({
				type: 'link',
				attrs: expect.objectContaining({ href: 'https://www.childline.org.uk' })
			})
		]);
		expect(prompt).toHaveBeenCalledWith('Web address');
	});

	it('takes the focus when asked, and goes away whole when destroyed', async () => {
		const { container, surface } = editor({ focus: true });
		await until(() => expect(document.activeElement).toBe(surface));
		destroy();
		destroy = () => {};
		expect(container.children).toHaveLength(0);
	});
});

describe('startingContent', () => {
	const saved = JSON.stringify({
		type: 'doc',
		content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Saved' }] }]
	});

	it('starts from the saved document while the words are the saved ones', () => {
		expect(startingContent('Saved', 'Saved', saved)).toEqual(JSON.parse(saved));
	});

	it('starts from what was typed, as plain paragraphs, once it differs', () => {
		expect(startingContent('One <b>\n\nTwo', 'Saved', saved)).toBe(
			'<p>One &#60;b&#62;</p><p>Two</p>'
		);
		expect(startingContent('Saved', 'Saved', '{not json')).toBe('<p>Saved</p>');
	});
});
