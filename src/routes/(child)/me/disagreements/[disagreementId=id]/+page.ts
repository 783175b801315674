// Reading only: the page ships no framework JavaScript, only the small page script (read-aloud).
export const csr = false;
