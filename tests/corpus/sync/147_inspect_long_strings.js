// Long strings inside arrays and objects; long top-level strings print raw.
const long = 'word '.repeat(30).trim();
console.log(long);
console.log([long]);
console.log({ text: long });
console.log(['short', long, 'short again']);
const multi = 'first line\nsecond line\nthird line';
console.log({ multi });
console.log([multi, 'x']);
const strings = [];
for (let i = 0; i < 9; i++) strings.push('str'.repeat(i + 1));
console.log(strings);
