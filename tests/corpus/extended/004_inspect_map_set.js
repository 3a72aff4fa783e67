// How console.log shows Maps and Sets.
console.log(new Map());
console.log(new Set());
console.log(new Map([['a', 1], [2, { nested: true }]]));
console.log(new Set([1, 'two', [3]]));
console.log({ m: new Map([['k', new Set([1])]]) });
const big = new Set();
for (let i = 0; i < 30; i++) big.add(i);
console.log(big);
const wide = new Map();
for (let i = 0; i < 5; i++) wide.set('key number ' + i, 'value number ' + i);
console.log(wide);
console.log([new Map([[1, 2]]), new Set(['x'])]);
