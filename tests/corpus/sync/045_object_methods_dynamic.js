// Adding, deleting and testing properties.
const o = { a: 1 };
o.b = 2;
o['c d'] = 3;
console.log(o);
delete o.a;
console.log(o, 'a' in o, 'b' in o);
console.log(o.missing, o.missing === undefined);
const arr = [1, 2, 3];
console.log(1 in arr, 5 in arr, 'length' in arr);
const nested = { level1: { level2: { value: 'deep' } } };
console.log(nested.level1.level2.value);
nested.level1.extra = [1, { two: 2 }];
console.log(nested);
const counts = {};
for (const w of 'the cat and the hat and the bat'.split(' ')) {
  counts[w] = (counts[w] ?? 0) + 1;
}
console.log(counts);
console.log(delete counts.nothing, Object.keys(counts).length);
