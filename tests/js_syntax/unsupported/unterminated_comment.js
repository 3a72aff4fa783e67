// node rejects this file too: a syntax error
const x = 1; /* never closed
