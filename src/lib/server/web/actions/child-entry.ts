import { redirect, type RequestEvent } from '@sveltejs/kit';
import { getDb } from '../../db';
import * as access from '../../access';
import { answer, isRefused, refused } from './answer';
import { readChildEntryForm, type ChildKind } from '../../space/input';
import { createChildDraft, sendChildEntry, updateChildDraft } from '../../space/child-entries';
import { attachUploads } from './uploads';
import { FormReader } from '../../validation';
import { guard, readForm } from '../guards';
import { today } from '../../dates/day';

/**
 * Saves what a child wrote (a new draft or their draft), adds any photos and recording, and
 * sends it when asked, then shows it where it landed. The words are saved first, so a refused
 * photo never loses them: the child lands on their draft, with the message saying what to try
 * instead.
 */
export async function saveChildEntry(
	event: RequestEvent,
	actor: access.Actor,
	relation: access.Checked<'writeOwn'>,
	target: { kind: ChildKind; draftId: string | null; sentTo: string }
) {
	const { child } = guard(() => access.requireOnRelation(actor, 'writeOwn', relation));
	const data = await readForm(event.request);
	const form = new FormReader(data);
	const db = getDb();
	const now = new Date();
	const birthYear = child.dateOfBirth ? Number(child.dateOfBirth.slice(0, 4)) : null;
	const input = readChildEntryForm(form, target.kind, {
		today: today(now),
		birthYear
	});
	const send = form.text('intent') === 'send';
	if (!form.ok) return refused(form, form.problems);
	const saved = await answer(form, () => {
		if (!target.draftId) return createChildDraft(db, actor, input, now).id;
		updateChildDraft(db, actor, target.draftId, input, now);
		return target.draftId;
	});
	if (isRefused(saved)) return saved;
	const id = saved;
	const problems = await attachUploads(db, actor, id, data, form);
	if (problems.length) {
		redirect(303, `/me/drafts/${id}?problem=${encodeURIComponent(problems[0]!)}`);
	}
	if (!send) redirect(303, `/me/drafts/${id}?saved`);
	guard(() => sendChildEntry(db, actor, id, event.locals.address, now));
	// Straight to what they just added: its page opens at it (see the story and views pages).
	redirect(303, `${target.sentTo}?sent=${id}#entry-${id}`);
}
