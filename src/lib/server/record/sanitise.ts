import type { BlockNode, Doc, InlineNode, ListItem, Mark, TextNode } from '../../record/rich-text';
import { normaliseText } from '../normalise';

/**
 * Rebuilds an editor document from scratch, keeping only the allowlist: paragraphs, headings
 * (levels 2 and 3), bullet and numbered lists, line breaks, bold, and links to http(s) or mailto.
 * Nothing from the client is copied through: unknown nodes keep only their text, unknown marks
 * and attributes are dropped. The plain text is made from the result, never taken from the client.
 */

const maxDepth = 8;
const maxTextLength = 20_000;
const safeUrl = /^(https?:\/\/[^\s<>"'`]+|mailto:[^\s<>"'`]+)$/i;

type Budget = { left: number };

function isObject(value: unknown): value is Record<string, unknown> {
	return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function children(node: Record<string, unknown>): unknown[] {
	return Array.isArray(node.content) ? node.content : [];
}

/** A link target we are willing to render: parsed, re-serialised, http(s) or mailto only. */
export function safeHref(raw: unknown): string | null {
	if (typeof raw !== 'string') return null;
	const trimmed = raw.trim();
	if (!safeUrl.test(trimmed)) return null;
	try {
		const url = new URL(trimmed);
		if (!['http:', 'https:', 'mailto:'].includes(url.protocol)) return null;
		return url.href;
	} catch {
		return null;
	}
}

function cleanText(raw: unknown, budget: Budget): string {
	if (typeof raw !== 'string' || budget.left <= 0) return '';
	// The same cleaning as every form field: NFC, no control or bidi control characters.
	const text = normaliseText(raw, { multiline: true }).slice(0, budget.left);
	budget.left -= text.length;
	return text;
}

function cleanMarks(raw: unknown): Mark[] {
	if (!Array.isArray(raw)) return [];
	const marks: Mark[] = [];
	for (const mark of raw) {
		if (!isObject(mark)) continue;
		if (mark.type === 'bold' && !marks.some((m) => m.type === 'bold')) marks.push({ type: 'bold' });
		if (mark.type === 'link' && isObject(mark.attrs) && !marks.some((m) => m.type === 'link')) {
			const href = safeHref(mark.attrs.href);
			if (href) marks.push({ type: 'link', attrs: { href } });
		}
	}
	return marks;
}

function inline(nodes: unknown[], budget: Budget, depth: number): InlineNode[] {
	const out: InlineNode[] = [];
	for (const node of nodes) {
		if (!isObject(node) || depth > maxDepth) continue;
		if (node.type === 'hardBreak') out.push({ type: 'hardBreak' });
		else if (node.type === 'text') {
			const text = cleanText(node.text, budget);
			if (!text) continue;
			const marks = cleanMarks(node.marks);
			out.push(marks.length ? { type: 'text', text, marks } : { type: 'text', text });
		} else out.push(...inline(children(node), budget, depth + 1));
	}
	return out;
}

function listItems(nodes: unknown[], budget: Budget, depth: number): ListItem[] {
	return nodes
		.filter(isObject)
		.map((item) => ({
			type: 'listItem' as const,
			content: blocks(children(item), budget, depth + 1)
		}))
		.filter((item) => item.content.length > 0);
}

function blocks(nodes: unknown[], budget: Budget, depth: number): BlockNode[] {
	const out: BlockNode[] = [];
	for (const node of nodes) {
		if (!isObject(node) || depth > maxDepth) continue;
		const content = children(node);
		if (node.type === 'heading') {
			const level = isObject(node.attrs) && node.attrs.level === 3 ? 3 : 2;
			out.push({ type: 'heading', attrs: { level }, content: inline(content, budget, depth + 1) });
		} else if (node.type === 'bulletList' || node.type === 'orderedList') {
			const items = listItems(content, budget, depth);
			if (items.length) out.push({ type: node.type, content: items });
		} else if (node.type === 'paragraph' || node.type === 'text' || node.type === 'hardBreak') {
			const source = node.type === 'paragraph' ? content : [node];
			out.push({ type: 'paragraph', content: inline(source, budget, depth + 1) });
		} else {
			// Anything else (blockquote, code, script, an invented type): keep its words only.
			const kept = blocks(content, budget, depth + 1);
			if (kept.length) out.push(...kept);
		}
	}
	return out.filter(
		(block) => !('content' in block) || block.content === undefined || block.content.length > 0
	);
}

function inlineText(nodes: InlineNode[] = []): string {
	return nodes.map((n) => (n.type === 'text' ? n.text : '\n')).join('');
}

function blockText(block: BlockNode): string {
	if (block.type === 'paragraph' || block.type === 'heading') return inlineText(block.content);
	return block.content.map((item) => item.content.map(blockText).join('\n')).join('\n');
}

export function plainTextOf(doc: Doc): string {
	return doc.content.map(blockText).join('\n\n').trim();
}

export function sanitiseDoc(input: unknown): { doc: Doc; text: string } {
	const budget = { left: maxTextLength };
	const root = isObject(input) && input.type === 'doc' ? children(input) : [];
	const doc: Doc = { type: 'doc', content: blocks(root, budget, 0) };
	return { doc, text: plainTextOf(doc) };
}

/** The no-JavaScript form sends plain text: paragraphs at blank lines, "- " lines as a list. */
export function docFromPlainText(raw: string): { doc: Doc; text: string } {
	const paragraphs = raw
		.replace(/\r\n?/g, '\n')
		.split(/\n{2,}/)
		.map((p) => p.trim())
		.filter(Boolean);
	const content = paragraphs.map((paragraph): Record<string, unknown> => {
		const lines = paragraph.split('\n');
		if (lines.every((line) => /^[-*•]\s+/.test(line))) {
			return {
				type: 'bulletList',
				content: lines.map((line) => ({
					type: 'listItem',
					content: [
						{ type: 'paragraph', content: [{ type: 'text', text: line.replace(/^[-*•]\s+/, '') }] }
					]
				}))
			};
		}
		const inlineNodes: unknown[] = [];
		lines.forEach((line, i) => {
			if (i > 0) inlineNodes.push({ type: 'hardBreak' });
			if (line) inlineNodes.push({ type: 'text', text: line } satisfies TextNode);
		});
		return { type: 'paragraph', content: inlineNodes };
	});
	return sanitiseDoc({ type: 'doc', content });
}
