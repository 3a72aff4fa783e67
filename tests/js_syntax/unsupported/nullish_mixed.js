// node rejects this file too: a syntax error
const v = a ?? b || c;
