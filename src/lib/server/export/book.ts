import type { TFunction } from 'i18next';
import type { BlockNode, Doc, InlineNode } from '../../record/rich-text';
import type { FullCard } from '../../record/card';
import type { DisagreementState } from '../disagreements/state';
import { formatDate, formatDateTime, formatEventDate, formatTime } from '../../dates';
import { postForChild, relationshipIn } from '../../record/people';

/**
 * The HTML book of a downloaded record: one file that any browser opens offline, now or in fifty
 * years. Plain HTML and a little CSS (no script, nothing fetched: photos and recordings are the
 * files beside it), printing as a book (a title page, each part on a new page, no entry broken
 * across pages where it fits). Every word from the record is escaped here, once.
 */

export type BookText = { t: TFunction; locale: string; dir: 'ltr' | 'rtl' };

const escapes: Record<string, string> = {
	'&': '&amp;',
	'<': '&lt;',
	'>': '&gt;',
	'"': '&quot;',
	"'": '&#39;'
};

export function escapeHtml(value: string): string {
	return value.replace(/[&<>"']/g, (c) => escapes[c]!);
}

const css = `
:root { color-scheme: light; }
body { font: 1.05rem/1.6 Georgia, 'Times New Roman', serif; max-width: 42rem; margin: 0 auto; padding: 1.5rem; color: #1a1a1a; background: #fff; }
h1, h2, h3, h4 { font-family: system-ui, sans-serif; line-height: 1.25; }
h1 { font-size: 2rem; margin-block: 4rem 1rem; }
.cover { min-block-size: 60vh; }
article { border-block-start: 1px solid #bbb; padding-block: 0.75rem; break-inside: avoid; }
.labels { list-style: none; padding: 0; margin: 0.25rem 0; font-family: system-ui, sans-serif; font-size: 0.9rem; }
.labels li { display: inline-block; border: 1px solid #777; border-radius: 0.25rem; padding: 0 0.4rem; margin-block-end: 0.25rem; margin-inline-end: 0.25rem; }
.meta { color: #444; font-size: 0.9rem; }
.answer, .response { border-inline-start: 3px solid #777; padding-inline-start: 0.75rem; }
figure { margin: 0.5rem 0; }
img { max-inline-size: 100%; block-size: auto; }
.preserve { white-space: pre-line; }
nav ol { padding-inline-start: 1.25rem; }
.content-note { border: 2px solid #777; border-radius: 0.25rem; padding: 0.5rem 0.75rem; }
details.hard > summary { font-family: system-ui, sans-serif; cursor: pointer; padding-block: 0.25rem; }
@media print {
	details.hard::details-content { content-visibility: visible; }
	details.hard > summary { display: none; }
	body { max-width: none; padding: 0; font-size: 11pt; }
	@page { margin: 2cm; }
	.part { break-before: page; }
	h2, h3 { break-after: avoid; }
	a { color: inherit; text-decoration: none; }
	audio { display: none; }
}
`;

function inline(nodes: InlineNode[] = []): string {
	return nodes
		.map((n) => {
			if (n.type === 'hardBreak') return '<br>';
			let html = escapeHtml(n.text);
			for (const mark of n.marks ?? []) {
				if (mark.type === 'bold') html = `<strong>${html}</strong>`;
				else if (/^(https?:|mailto:)/i.test(mark.attrs.href)) {
					html = `<a href="${escapeHtml(mark.attrs.href)}" rel="noreferrer">${html}</a>`;
				}
			}
			return html;
		})
		.join('');
}

function blocks(nodes: BlockNode[]): string {
	return nodes
		.map((b) => {
			switch (b.type) {
				case 'paragraph':
					return `<p dir="auto">${inline(b.content)}</p>`;
				case 'heading': {
					// Headings inside an entry sit below the entry's own heading (h4).
					const level = b.attrs.level === 2 ? 5 : 6;
					return `<h${level} dir="auto">${inline(b.content)}</h${level}>`;
				}
				case 'bulletList':
				case 'orderedList': {
					const tag = b.type === 'bulletList' ? 'ul' : 'ol';
					return `<${tag}>${b.content.map((i) => `<li>${blocks(i.content)}</li>`).join('')}</${tag}>`;
				}
				default:
					return '';
			}
		})
		.join('');
}

export function docHtml(doc: Doc | null | undefined): string {
	return doc?.content ? blocks(doc.content) : '';
}

export function bookStart(
	text: BookText,
	person: { name: string },
	exportedAt: Date,
	parts: { disagreements: boolean }
): string {
	const { t, locale, dir } = text;
	const title = escapeHtml(
		t('space.keep.bookTitle', { name: person.name, interpolation: { escapeValue: false } })
	);
	return `<!doctype html>
<html lang="${escapeHtml(locale)}" dir="${dir}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer">
<title>${title}</title>
<style>${css}</style>
</head>
<body>
<header class="cover">
<h1>${title}</h1>
<p>${escapeHtml(t('space.keep.madeOn', { date: formatDate(exportedAt, locale), interpolation: { escapeValue: false } }))}</p>
<p>${escapeHtml(t('space.keep.whatItHolds'))}</p>
<nav aria-labelledby="contents"><h2 id="contents">${escapeHtml(t('space.keep.contents'))}</h2><ol>
<li><a href="#record">${escapeHtml(t('space.keep.record'))}</a></li>
${parts.disagreements ? `<li><a href="#disagreements">${escapeHtml(t('disagree.mine'))}</a></li>` : ''}
<li><a href="#who-looked">${escapeHtml(t('whoLooked.title'))}</a></li>
</ol></nav>
</header>
<main>
<section class="part" id="record" aria-labelledby="record-title"><h2 id="record-title">${escapeHtml(t('space.keep.record'))}</h2>
`;
}

export function yearHeading(year: string, age: number | null, t: TFunction): string {
	const ageText = age === null ? '' : ` · ${escapeHtml(t('space.story.age', { count: age }))}`;
	return `<h3 id="year-${escapeHtml(year)}">${escapeHtml(year)}${ageText}</h3>\n`;
}

export function lodgedHtml(recordedAt: Date | null, text: BookText): string {
	const date = recordedAt ? formatDate(recordedAt, text.locale) : '';
	return `<article><p>${escapeHtml(text.t('record.child.confidentialNote', { date, interpolation: { escapeValue: false } }))}</p></article>\n`;
}

/** The labels a child reads on "My record", in the same words. */
function labels(card: FullCard, text: BookText): string[] {
	const { t, locale } = text;
	const raw = { interpolation: { escapeValue: false } };
	const source =
		card.source.kind === 'person' && card.source.relationship
			? t('record.child.sourcePerson', {
					...raw,
					name: card.source.name,
					relationship: relationshipIn(t, 'child', card.source.relationship)
				})
			: (card.source.name ?? '');
	const out: string[] = [];
	if (card.nature === 'fact') out.push(t('record.child.fact'));
	else if (card.nature === 'opinion')
		out.push(
			t('record.child.opinion', { ...raw, name: card.author.name, reasons: card.opinionReasons })
		);
	else if (card.nature === 'decision')
		out.push(
			t('record.child.decision', { ...raw, who: card.decisionBy, basis: card.decisionBasis })
		);
	else if (card.nature === 'third_party')
		out.push(t('record.child.thirdParty', { ...raw, source }));
	if (card.source.kind !== 'first_hand' && card.nature !== 'third_party' && source)
		out.push(t('record.child.source', { ...raw, source }));
	if (card.isLate && card.recordedAt)
		out.push(
			t('record.child.late', {
				...raw,
				recorded: formatDateTime(card.recordedAt, locale),
				event: formatEventDate(card.event, locale)
			})
		);
	if (card.supersedes && card.kind === 'correction') out.push(t('record.child.corrects'));
	if (card.released)
		out.push(
			t('record.child.released', {
				...raw,
				date: card.released.recordedAt ? formatDate(card.released.recordedAt, locale) : ''
			})
		);
	for (const d of card.disputes) {
		out.push(
			`${t('record.child.disputed', { ...raw, date: formatDate(new Date(`${d.receivedOn}T12:00:00Z`), locale) })} ${t(`disagree.status.${d.outcome ?? d.status}`)}.`
		);
		if (d.side) out.push(`${t('record.child.side')} ${d.side}`);
	}
	for (const c of card.correctedBy)
		out.push(
			t('record.child.corrected', {
				...raw,
				date: c.recordedAt ? formatDate(c.recordedAt, locale) : '',
				reason: c.reason
			})
		);
	return out;
}

/** One entry as the child reads it, with the files beside it (`files` maps a media id to its path). */
export function entryHtml(
	card: FullCard,
	files: Map<string, string | null>,
	text: BookText
): string {
	const { t, locale } = text;
	const raw = { interpolation: { escapeValue: false } };
	const shown = card.translation ?? { title: card.title, bodyDoc: card.bodyDoc };
	const parts: string[] = [];
	parts.push(`<article id="entry-${escapeHtml(card.id)}">`);
	parts.push(`<h4 dir="auto">${escapeHtml(shown.title)}</h4>`);
	parts.push(`<p class="meta">${escapeHtml(formatEventDate(card.event, locale))}</p>`);
	const labelList = labels(card, text);
	if (labelList.length)
		parts.push(
			`<ul class="labels">${labelList.map((l) => `<li dir="auto">${escapeHtml(l)}</li>`).join('')}</ul>`
		);
	// A hard part (a content note from staff): the note first, the rest folded until the reader
	// opens it, as on their pages; nothing difficult by surprise in the book either.
	const note = card.contentNote;
	if (note)
		parts.push(
			`<p class="content-note"><strong>${escapeHtml(t('calm.note.label'))}</strong> <span dir="auto">${escapeHtml(note)}</span></p><details class="hard"><summary>${escapeHtml(t('calm.note.readNow'))}</summary>`
		);
	parts.push(docHtml(shown.bodyDoc));
	if (card.translation) {
		parts.push(
			`<details><summary>${escapeHtml(t('record.showOriginal'))}</summary><div lang="en-GB" dir="ltr">${docHtml(card.bodyDoc)}</div></details>`
		);
	}
	const d = card.details;
	if (d?.answers) {
		for (const [key, answer] of Object.entries(d.answers)) {
			if (!answer) continue;
			parts.push(
				`<div class="answer"><p><strong>${escapeHtml(t(`space.prompt.${key}`))}</strong></p><p class="preserve" dir="auto">${escapeHtml(answer)}</p></div>`
			);
		}
	}
	if (d?.feelings?.length)
		parts.push(
			`<p>${escapeHtml(t('space.card.felt', { ...raw, feelings: d.feelings.map((f) => t(`space.feeling.${f}`)).join(', ') }))}</p>`
		);
	if (d?.place)
		parts.push(
			`<p dir="auto">${escapeHtml(t('space.card.place', { ...raw, place: d.place }))}</p>`
		);
	if (d?.people)
		parts.push(
			`<p dir="auto">${escapeHtml(t('space.card.people', { ...raw, people: d.people }))}</p>`
		);
	for (const m of card.media) {
		const file = files.get(m.id);
		if (!file) continue;
		const caption = m.caption ? `<figcaption dir="auto">${escapeHtml(m.caption)}</figcaption>` : '';
		const media =
			m.kind === 'photo'
				? `<img src="${escapeHtml(file)}" alt="${escapeHtml(m.caption)}"${m.width && m.height ? ` width="${m.width}" height="${m.height}"` : ''}>`
				: `<audio controls preload="none" src="${escapeHtml(file)}"></audio> <a href="${escapeHtml(file)}">${escapeHtml(file)}</a>`;
		parts.push(`<figure>${media}${caption}</figure>`);
	}
	for (const r of card.responses) {
		parts.push(
			`<div class="response"><p><strong>${escapeHtml(t('space.card.youSaidWeDid', { ...raw, name: r.authorName }))}</strong></p>${docHtml(r.bodyDoc)}</div>`
		);
	}
	if (note) parts.push('</details>');
	const by =
		card.author.role === 'child' || card.author.role === 'care_leaver'
			? card.author.name
			: `${card.author.name} (${postForChild(t, locale, card.author)})`;
	if (card.recordedAt)
		parts.push(
			`<p class="meta">${escapeHtml(t('space.keep.writtenBy', { ...raw, name: by, date: formatDateTime(card.recordedAt, locale) }))}</p>`
		);
	parts.push('</article>\n');
	return parts.join('');
}

export function disagreementsHtml(list: DisagreementState[], text: BookText): string {
	const { t, locale } = text;
	const raw = { interpolation: { escapeValue: false } };
	const when = (at: Date | null) => (at ? formatDateTime(at, locale) : '');
	const out = [
		`</section>\n<section class="part" id="disagreements" aria-labelledby="disagreements-title"><h2 id="disagreements-title">${escapeHtml(t('disagree.mine'))}</h2>\n`
	];
	for (const d of list) {
		out.push(
			`<article><h3 dir="auto">${escapeHtml(t('disagree.about', { ...raw, title: d.title }))}</h3>`
		);
		out.push(
			`<p class="meta">${escapeHtml(t('disagree.sentOn', { ...raw, date: formatDate(new Date(`${d.receivedOn}T12:00:00Z`), locale) }))}</p>`
		);
		out.push(
			`<p><strong>${escapeHtml(t('disagree.wrong'))}</strong></p><p class="preserve" dir="auto">${escapeHtml(d.wrong)}</p>`
		);
		if (d.happened)
			out.push(
				`<p><strong>${escapeHtml(t('disagree.happened'))}</strong></p><p class="preserve" dir="auto">${escapeHtml(d.happened)}</p>`
			);
		if (d.wants.length)
			out.push(
				`<p><strong>${escapeHtml(t('disagree.wants'))}</strong> ${escapeHtml(d.wants.map((w) => t(`disagree.want.${w}`)).join(', '))}</p>`
			);
		out.push('<ol class="labels">');
		if (d.handler)
			out.push(
				`<li>${escapeHtml(t('disagree.status.acknowledged'))}: ${escapeHtml(d.handler.name)} · ${escapeHtml(when(d.handler.at))}</li>`
			);
		if (d.extension)
			out.push(
				`<li dir="auto">${escapeHtml(t('space.keep.extended', { ...raw, reason: d.extension.reason }))} · ${escapeHtml(when(d.extension.at))}</li>`
			);
		if (d.decision)
			out.push(
				`<li dir="auto">${escapeHtml(t(`disagree.status.${d.decision.outcome}`))}: ${escapeHtml(d.decision.basis)} (${escapeHtml(d.decision.by)}) · ${escapeHtml(when(d.decision.at))}</li>`
			);
		else
			out.push(
				`<li>${escapeHtml(t('disagree.progress', { ...raw, status: t(`disagree.status.${d.status}`) }))}</li>`
			);
		out.push('</ol></article>\n');
	}
	return out.join('');
}

const lookedSentence: Record<string, string> = {
	'profile-viewed': 'whoLooked.lookedDetails',
	'sign-in-code-created': 'codeUse.madeCode',
	'integration-api-read': 'whoLooked.caseSystem'
};

export type Look = { at: Date; name: string | null; role: string | null; action: string };

export function whoLookedStart(text: BookText): string {
	const { t } = text;
	return `</section>\n<section class="part" id="who-looked" aria-labelledby="who-looked-title"><h2 id="who-looked-title">${escapeHtml(t('whoLooked.title'))}</h2>\n<ul>\n`;
}

export function lookHtml(look: Look, text: BookText): string {
	const { t, locale } = text;
	const raw = { interpolation: { escapeValue: false } };
	const who =
		look.action === 'sign-in-code-used'
			? t('codeUse.usedCode')
			: t(lookedSentence[look.action] ?? 'whoLooked.lookedRecord', {
					...raw,
					name: look.name ?? t('whoLooked.someone'),
					role: look.role ? t(`roles.${look.role}`) : ''
				});
	const when = t('whoLooked.when', {
		...raw,
		date: formatDate(look.at, locale),
		time: formatTime(look.at, locale)
	});
	return `<li><span dir="auto">${escapeHtml(who)}</span> ${escapeHtml(when)}</li>\n`;
}

export function bookEnd(text: BookText, anyLooks: boolean): string {
	return `${anyLooks ? '' : `<li>${escapeHtml(text.t('whoLooked.none'))}</li>`}</ul>\n</section>\n</main>\n</body>\n</html>\n`;
}
