// Reading and a plain form: the page ships no framework JavaScript, only the small page script.
export const csr = false;
