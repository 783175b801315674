// Every page in this group is served without SvelteKit's client: it works without JavaScript,
// and the small page script (src/lib/enhance/page.ts) adds read-aloud, offline drafts, the
// recorder and the editor where a page has them.
export const csr = false;
