/** What the server accepts. The upload form and the voice recorder say the same. */

const megabyte = 1024 * 1024;

/** A phone photo is 2 to 8 MB; refused before anything reads it. */
export const maxPhotoBytes = 20 * megabyte;
/** 50 megapixels: larger than any phone camera, small enough to keep a decode in memory. */
export const maxInputPixels = 50_000_000;
/** Longest side of the two images we keep of each photo (the page script shrinks to it too). */
export { displaySize, thumbSize } from '../../media/sizes';

/** Browsers record Opus at about 32 to 128 kbit/s: 5 minutes is at most about 5 MB. */
export const maxAudioBytes = 10 * megabyte;
/** The recorder stops at 5 minutes (recordings carry no duration we could check cheaply). */
export const maxAudioSeconds = 300;
