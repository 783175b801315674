// Every page in this group is plain HTML, served without SvelteKit's client (the offline page
// must work at any address, with no network): it works without JavaScript, and the small page
// script (src/lib/enhance/page.ts) adds read-aloud where a page has it.
export const csr = false;
