import { fail, redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { getDb } from '$lib/server/db';
import { cardsFor } from '$lib/server/record/cards';
import {
	disputableEntry,
	readDisagreementForm,
	startDisagreement
} from '$lib/server/disagreements/disagree';
import { addPhotos, addRecording } from '$lib/server/space/attachments';
import { sendChildEntry } from '$lib/server/space/child-entries';
import { RecordError } from '$lib/server/record/errors';
import { FormReader } from '$lib/server/validation';
import { guard, readForm, requireChildActor } from '$lib/server/web/guards';

/** "I disagree" with one entry of my record. */
export const load: PageServerLoad = ({ locals, params }) => {
	const actor = requireChildActor(locals);
	const db = getDb();
	const { row, relation } = guard(() => disputableEntry(db, actor, params.entryId));
	return { entry: cardsFor(db, actor, relation, [row], locals.locale)[0]! };
};

function files(data: FormData, name: string): File[] {
	return data.getAll(name).filter((f): f is File => f instanceof File && f.size > 0);
}

export const actions: Actions = {
	default: async (event) => {
		const actor = requireChildActor(event.locals);
		const db = getDb();
		guard(() => disputableEntry(db, actor, event.params.entryId));
		const data = await readForm(event.request);
		const form = new FormReader(data);
		const input = readDisagreementForm(form);
		if (!form.ok) return fail(400, { values: form.values, problems: form.problems });
		let id: string;
		try {
			id = guard(() =>
				startDisagreement(db, actor, event.params.entryId, input, event.locals.address)
			).id;
		} catch (e) {
			if (e instanceof RecordError) return fail(400, { values: form.values, problems: e.problems });
			throw e;
		}
		// Words first; a refused photo or recording never stops them being sent.
		const caption = form.text('photoCaption', { max: 300 });
		const problems = await addPhotos(
			db,
			actor,
			id,
			await Promise.all(
				files(data, 'photos').map(async (f) => ({
					bytes: new Uint8Array(await f.arrayBuffer()),
					caption
				}))
			)
		);
		const [voice] = files(data, 'recording');
		if (voice) {
			const problem = await addRecording(db, actor, id, new Uint8Array(await voice.arrayBuffer()));
			if (problem) problems.push(problem);
		}
		guard(() => sendChildEntry(db, actor, id, event.locals.address));
		const problem = problems[0] ? `&problem=${encodeURIComponent(problems[0])}` : '';
		redirect(303, `/me/disagreements/${id}?sent${problem}`);
	}
};
