export type MediaProblem =
	| 'media.problem.empty'
	| 'media.problem.tooBig'
	| 'media.problem.notPhoto'
	| 'media.problem.tooManyPixels'
	| 'media.problem.damaged'
	| 'media.problem.notAudio'
	| 'media.problem.audioTooBig'
	| 'media.problem.video';

/** The media domain's one error: an i18next key saying, kindly, what to try instead. */
export class MediaError extends Error {
	constructor(readonly key: MediaProblem) {
		super(key);
		this.name = 'MediaError';
	}
}
