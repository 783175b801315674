// Served without SvelteKit's client: the page script keeps drafts offline, records a voice and
// loads the editor when the child starts writing (docs/performance.md).
export const csr = false;
