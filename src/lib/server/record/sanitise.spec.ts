import { describe, expect, it } from 'vitest';
import { render } from 'svelte/server';
import RichText from '../../components/record/rich-text.svelte';
import { docFromPlainText, safeHref, sanitiseDoc } from './sanitise';
import { xssUrls, xssVectors } from '../../../../tests/fixtures/xss-vectors';

const allowedNodes = new Set([
	'doc',
	'paragraph',
	'heading',
	'bulletList',
	'orderedList',
	'listItem',
	'text',
	'hardBreak'
]);

/** Every node and mark in a document, with its attributes. */
function walk(node: unknown, visit: (n: Record<string, unknown>) => void) {
	if (typeof node !== 'object' || node === null) return;
	const n = node as Record<string, unknown>;
	visit(n);
	for (const child of (n.content as unknown[]) ?? []) walk(child, visit);
}

function assertClean(doc: unknown) {
	walk(doc, (n) => {
		expect(allowedNodes.has(String(n.type)), String(n.type)).toBe(true);
		const keys = Object.keys(n).filter(
			(k) => !['type', 'content', 'text', 'marks', 'attrs'].includes(k)
		);
		expect(keys).toEqual([]);
		if (n.type === 'heading')
			expect(n.attrs).toEqual({ level: expect.toSatisfy((l: number) => l === 2 || l === 3) });
		else expect(n.attrs).toBeUndefined();
		for (const mark of (n.marks as Record<string, unknown>[]) ?? []) {
			expect(['bold', 'link']).toContain(mark.type);
			if (mark.type === 'link') {
				const href = (mark.attrs as { href: string }).href;
				expect(href).toMatch(/^(https?:\/\/|mailto:)/);
				expect(Object.keys(mark.attrs as object)).toEqual(['href']);
			} else expect(mark.attrs).toBeUndefined();
		}
	});
}

const allowedTags = new Set(['div', 'p', 'h3', 'h4', 'ul', 'ol', 'li', 'br', 'strong', 'a']);
const allowedAttributes = new Set(['class', 'href', 'rel', 'dir']);

/**
 * Svelte escapes every "<" in text, so each "<" left in the output opens one of our own elements:
 * check each element and each attribute against what the renderer may produce.
 */
function assertSafeHtml(out: string, vector: string) {
	for (const [, name, attributes] of out.matchAll(/<\/?([a-z0-9-]+)([^>]*)>/gi)) {
		expect(allowedTags.has(name!.toLowerCase()), `${vector}: <${name}>`).toBe(true);
		for (const [, attribute, value] of attributes!.matchAll(/([^\s=]+)="([^"]*)"/g)) {
			expect(allowedAttributes.has(attribute!), `${vector}: ${attribute}`).toBe(true);
			if (attribute === 'href') expect(value, vector).toMatch(/^(https?:\/\/|mailto:)/);
			// Each block's direction is the renderer's own constant, never from the document.
			if (attribute === 'dir') expect(value, vector).toBe('auto');
		}
		const stray = attributes!.replace(/([^\s=]+)="([^"]*)"/g, '').replace(/\s|\//g, '');
		expect(stray, `${vector}: stray attribute text`).toBe('');
	}
}

function html(doc: ReturnType<typeof sanitiseDoc>['doc']): string {
	// Svelte's own hydration markers are comments: drop them to look at the elements.
	return render(RichText, { props: { doc, idPrefix: 'x' } }).body.replace(/<!--[\s\S]*?-->/g, '');
}

/** Puts a hostile string everywhere a client could put it in an editor document. */
function hostileDocs(vector: string): unknown[] {
	return [
		{ type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: vector }] }] },
		{
			type: 'doc',
			content: [
				{
					type: 'paragraph',
					content: [
						{
							type: 'text',
							text: 'x',
							marks: [{ type: 'link', attrs: { href: vector, onclick: vector } }]
						}
					]
				}
			]
		},
		{
			type: 'doc',
			content: [
				{
					type: 'heading',
					attrs: { level: vector, style: vector },
					content: [{ type: 'text', text: vector }]
				}
			]
		},
		{
			type: 'doc',
			content: [{ type: vector, attrs: { src: vector }, content: [{ type: 'text', text: vector }] }]
		},
		{
			type: 'doc',
			content: [
				{
					type: 'paragraph',
					content: [
						{
							type: 'text',
							text: 'x',
							marks: [{ type: vector }, { type: 'bold', attrs: { class: vector } }]
						}
					]
				}
			]
		},
		{
			type: 'doc',
			content: [
				{ type: 'image', attrs: { src: vector, alt: vector } },
				{ type: 'codeBlock', content: [{ type: 'text', text: vector }] }
			]
		},
		{
			type: 'doc',
			html: vector,
			content: [
				{
					type: 'paragraph',
					attrs: { onmouseover: vector },
					content: [{ type: 'text', text: vector, marks: 'bold' }]
				}
			]
		}
	];
}

describe('the rich-text sanitiser', () => {
	it('keeps the allowed formatting exactly', () => {
		const doc = {
			type: 'doc',
			content: [
				{ type: 'heading', attrs: { level: 2 }, content: [{ type: 'text', text: 'Review' }] },
				{
					type: 'paragraph',
					content: [
						{ type: 'text', text: 'Maya ', marks: [{ type: 'bold' }] },
						{ type: 'text', text: 'said' },
						{ type: 'hardBreak' },
						{
							type: 'text',
							text: 'more',
							marks: [
								{ type: 'link', attrs: { href: 'https://example.org/a?b=c', target: '_blank' } }
							]
						}
					]
				},
				{
					type: 'bulletList',
					content: [
						{
							type: 'listItem',
							content: [{ type: 'paragraph', content: [{ type: 'text', text: 'one' }] }]
						}
					]
				},
				{
					type: 'orderedList',
					attrs: { start: 3 },
					content: [
						{
							type: 'listItem',
							content: [{ type: 'paragraph', content: [{ type: 'text', text: 'two' }] }]
						}
					]
				}
			]
		};
		const { doc: clean, text } = sanitiseDoc(doc);
		expect(clean).toEqual({
			type: 'doc',
			content: [
				{ type: 'heading', attrs: { level: 2 }, content: [{ type: 'text', text: 'Review' }] },
				{
					type: 'paragraph',
					content: [
						{ type: 'text', text: 'Maya ', marks: [{ type: 'bold' }] },
						{ type: 'text', text: 'said' },
						{ type: 'hardBreak' },
						{
							type: 'text',
							text: 'more',
							marks: [{ type: 'link', attrs: { href: 'https://example.org/a?b=c' } }]
						}
					]
				},
				{
					type: 'bulletList',
					content: [
						{
							type: 'listItem',
							content: [{ type: 'paragraph', content: [{ type: 'text', text: 'one' }] }]
						}
					]
				},
				{
					type: 'orderedList',
					content: [
						{
							type: 'listItem',
							content: [{ type: 'paragraph', content: [{ type: 'text', text: 'two' }] }]
						}
					]
				}
			]
		});
		expect(text).toBe('Review\n\nMaya said\nmore\n\none\n\ntwo');
		expect(html(clean)).toContain('<strong>Maya </strong>');
		expect(html(clean)).toContain(
			'<a href="https://example.org/a?b=c" rel="noopener noreferrer nofollow">more</a>'
		);
	});

	it('reads plain text from the no-JavaScript form into paragraphs and lists', () => {
		const { doc } = docFromPlainText('First line\nsecond line\n\n- apples\n- pears\n\nLast');
		expect(doc.content.map((b) => b.type)).toEqual(['paragraph', 'bulletList', 'paragraph']);
	});

	it('refuses every dangerous link', () => {
		expect(xssUrls.length).toBeGreaterThanOrEqual(40);
		for (const url of xssUrls) expect(safeHref(url), url).toBeNull();
		expect(safeHref('https://www.childline.org.uk/')).toBe('https://www.childline.org.uk/');
		expect(safeHref('mailto:help@example.org')).toBe('mailto:help@example.org');
	});

	it(`removes everything else, tested with ${xssVectors.length} known XSS vectors in every position`, () => {
		expect(xssVectors.length).toBeGreaterThanOrEqual(200);
		for (const vector of [...xssVectors, ...xssUrls]) {
			for (const hostile of hostileDocs(vector)) {
				const { doc } = sanitiseDoc(hostile);
				assertClean(doc);
				assertSafeHtml(html(doc), vector);
			}
		}
	}, 60_000);
});
