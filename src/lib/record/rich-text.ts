/**
 * The editor's document format after the server has sanitised it: a small allowlist of tiptap
 * (ProseMirror) nodes and marks. Shared by the server (which builds it) and the renderer.
 */
export type TextNode = { type: 'text'; text: string; marks?: Mark[] };
export type Mark = { type: 'bold' } | { type: 'link'; attrs: { href: string } };
export type InlineNode = TextNode | { type: 'hardBreak' };
export type BlockNode =
	| { type: 'paragraph'; content?: InlineNode[] }
	| { type: 'heading'; attrs: { level: 2 | 3 }; content?: InlineNode[] }
	| { type: 'bulletList'; content: ListItem[] }
	| { type: 'orderedList'; content: ListItem[] };
export type ListItem = { type: 'listItem'; content: BlockNode[] };
export type Doc = { type: 'doc'; content: BlockNode[] };

export const emptyDoc: Doc = { type: 'doc', content: [] };

/** The words of a document as plain text, one block to a line: what read-aloud speaks. */
export function docText(doc: Doc): string {
	const lines: string[] = [];
	const inline = (nodes: InlineNode[] = []) =>
		nodes.map((n) => (n.type === 'text' ? n.text : ' ')).join('');
	const walk = (blocks: BlockNode[]) => {
		for (const block of blocks) {
			if (block.type === 'paragraph' || block.type === 'heading') lines.push(inline(block.content));
			else for (const item of block.content) walk(item.content);
		}
	};
	walk(doc.content);
	return lines.filter((l) => l.trim()).join('\n');
}
