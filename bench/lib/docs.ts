import fs from 'node:fs';

/** Replaces the text between `<!-- name -->` and `<!-- /name -->` in docs/performance.md. */
export function writeSection(name: string, body: string): void {
	const file = 'docs/performance.md';
	const text = fs.readFileSync(file, 'utf8');
	const start = `<!-- ${name} -->`;
	const end = `<!-- /${name} -->`;
	const block = `${start}\n${body.trim()}\n${end}`;
	const at = text.indexOf(start);
	const next =
		at === -1
			? `${text.trimEnd()}\n\n${block}\n`
			: text.slice(0, at) + block + text.slice(text.indexOf(end) + end.length);
	fs.writeFileSync(file, next);
	console.log(`Written to ${file} (${name}).`);
}
