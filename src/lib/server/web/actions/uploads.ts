import type { Db } from '../../db';
import type { Actor } from '../../access';
import type { FormReader } from '../../validation';
import { addPhotos, addRecording } from '../../space/attachments';
import { maxAudioBytes, maxPhotoBytes } from '../../media/limits';

function files(data: FormData, name: string): File[] {
	return data.getAll(name).filter((f): f is File => f instanceof File && f.size > 0);
}

/**
 * The photos and voice recording sent with a child's form, added to their draft. Returns the
 * problem keys of anything refused (the words are already saved, whatever happens here). Each
 * file is copied out of the form only when its turn comes, and a file larger than any photo or
 * recording we keep is refused by its size without being copied at all.
 */
export async function attachUploads(
	db: Db,
	actor: Actor,
	draftId: string,
	data: FormData,
	form: FormReader
): Promise<string[]> {
	const caption = form.text('photoCaption', { max: 300 });
	const problems: string[] = [];
	for (const photo of files(data, 'photos')) {
		if (photo.size > maxPhotoBytes) {
			problems.push('media.problem.tooBig');
			continue;
		}
		const bytes = new Uint8Array(await photo.arrayBuffer());
		problems.push(...(await addPhotos(db, actor, draftId, [{ bytes, caption }])));
	}
	const [voice] = files(data, 'recording');
	if (voice) {
		const problem =
			voice.size > maxAudioBytes
				? 'media.problem.audioTooBig'
				: await addRecording(db, actor, draftId, new Uint8Array(await voice.arrayBuffer()));
		if (problem) problems.push(problem);
	}
	return problems;
}
