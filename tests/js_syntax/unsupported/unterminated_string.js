// node rejects this file too: a syntax error
const s = 'abc;
console.log(s);
