// Template literals: interpolation, expressions, multi-line text and escapes.
const name = 'world';
const n = 3;
console.log(`hello ${name}`);
console.log(`${n} + ${n} = ${n + n}`);
console.log(`nested ${`inner ${n * 2}`} done`);
console.log(`values: ${[1, 2, 3]} ${{}} ${null} ${undefined} ${true}`);
console.log(`line one
line two
  indented line three`);
console.log(`escaped \${not interpolated} and \` backtick`);
console.log(`tab\there, newline escaped\\n`);
const items = ['a', 'b'];
console.log(`list:${items.map((x) => `\n - ${x}`).join('')}`);
console.log(`${n > 2 ? 'big' : 'small'} number`);
console.log(``.length, `${''}`.length);
const obj = { toString() { return 'custom'; } };
console.log(`${obj}`);
