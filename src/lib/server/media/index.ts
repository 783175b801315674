export { MediaError, type MediaProblem } from './errors';
export * from './limits';
export { processPhoto, photoFormat, type Photo } from './photo';
export { checkAudio, type AudioKind } from './audio';
export { cleanAudio, type CleanAudio } from './audio-clean';
export {
	isMediaId,
	mediaFile,
	readMedia,
	removeMedia,
	writeMedia,
	type MediaFile,
	type Variant
} from './store';
