// Nothing on this page needs JavaScript: the form posts, the language and easy-read switches post.
export const csr = false;
