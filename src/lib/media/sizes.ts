/**
 * The sizes of the photos Waymark keeps, shared by the server (which makes them) and the page
 * script (which shrinks a photo to the larger one before it is sent, on a slow connection).
 */

/** Longest side of the two images we keep of each photo. */
export const displaySize = 1600;
export const thumbSize = 320;
