import type { Db } from '../db';
import type { Actor } from '../access';
import type { FormReader } from '../validation';
import { addPhotos, addRecording } from '../space/attachments';

function files(data: FormData, name: string): File[] {
	return data.getAll(name).filter((f): f is File => f instanceof File && f.size > 0);
}

/**
 * The photos and voice recording sent with a child's form, added to their draft. Returns the
 * problem keys of anything refused (the words are already saved, whatever happens here).
 */
export async function attachUploads(
	db: Db,
	actor: Actor,
	draftId: string,
	data: FormData,
	form: FormReader
): Promise<string[]> {
	const caption = form.text('photoCaption', { max: 300 });
	const problems = await addPhotos(
		db,
		actor,
		draftId,
		await Promise.all(
			files(data, 'photos').map(async (f) => ({
				bytes: new Uint8Array(await f.arrayBuffer()),
				caption
			}))
		)
	);
	const [voice] = files(data, 'recording');
	if (voice) {
		const problem = await addRecording(
			db,
			actor,
			draftId,
			new Uint8Array(await voice.arrayBuffer())
		);
		if (problem) problems.push(problem);
	}
	return problems;
}
