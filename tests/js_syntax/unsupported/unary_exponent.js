// node rejects this file too: a syntax error
const v = -2 ** 2;
