import { redirect, type RequestEvent } from '@sveltejs/kit';
import { getDb } from '../../db';
import type { Actor } from '../../access';
import { answer, refused } from './answer';
import { readEntryForm } from '../../record/entry-form';
import { createDraft, finaliseEntry, updateDraft } from '../../record/write';
import { FormReader } from '../../validation';
import { readForm } from '../guards';

/**
 * Saves the entry form as a new draft or over an existing one, and finalises it when asked. A
 * refused form comes back with everything that was typed.
 */
export async function saveEntry(
	event: RequestEvent,
	actor: Actor,
	target: { childId: string; draftId: string | null; correctsId: string | null }
) {
	const form = new FormReader(await readForm(event.request));
	const input = readEntryForm(form, target.correctsId);
	const finalise = form.text('intent') === 'finalise';
	if (!form.ok) return refused(form, form.problems);
	const db = getDb();
	return answer(form, () => {
		const address = event.locals.address;
		let id = target.draftId;
		if (id) updateDraft(db, actor, id, input, new Date(), address);
		else id = createDraft(db, actor, target.childId, input, new Date(), address).id;
		if (finalise) finaliseEntry(db, actor, id, address);
		redirect(303, `/children/${target.childId}/record/${id}${finalise ? '?finalised' : '?saved'}`);
	});
}
