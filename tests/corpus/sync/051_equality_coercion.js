// Loose equality coerces; strict equality does not.
const pairs = [
  [0, ''],
  [0, '0'],
  ['', '0'],
  [null, undefined],
  [null, 0],
  [undefined, 0],
  [false, '0'],
  [false, 'false'],
  [1, true],
  [2, true],
  ['1', 1],
  [NaN, NaN],
  [[], ''],
  [[1], 1],
  [[1, 2], '1,2'],
  [{}, '[object Object]'],
];
for (const [a, b] of pairs) {
  console.log(JSON.stringify(a), JSON.stringify(b), a == b, a === b);
}
const o = { x: 1 };
console.log(o == o, o === { x: 1 }, [] == [], null == false);
console.log(-0 === 0, Object.is(-0, 0), Object.is(NaN, NaN));
