// Objects whose one-line form would exceed the width break with one property per line.
const short = { a: 1, b: 2, c: 3 };
console.log(short);
const medium = { alpha: 'aaaa', beta: 'bbbb', gamma: 'cccc', delta: 'dddd', epsilon: 'eeee' };
console.log(medium);
const long = {
  description: 'a fairly long string value that takes up space',
  count: 12345,
  enabled: true,
  tags: ['one', 'two'],
};
console.log(long);
const manyKeys = {};
for (let i = 0; i < 30; i++) manyKeys['k' + i] = i;
console.log(manyKeys);
const nestedLong = {
  outer: { inner: 'x'.repeat(70), other: 1 },
  list: [{ id: 1, label: 'first item' }, { id: 2, label: 'second item' }],
};
console.log(nestedLong);
console.log([{ a: 1, b: 2 }, { a: 3, b: 4 }]);
