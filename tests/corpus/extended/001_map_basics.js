// Map keeps insertion order, accepts any key type and compares keys with SameValueZero.
const m = new Map();
m.set('a', 1).set(2, 'two').set(NaN, 'not a number');
const objKey = { id: 1 };
m.set(objKey, 'object key');
console.log(m.size, m.get('a'), m.get(2), m.get('2'), m.get(NaN), m.get(objKey), m.get({ id: 1 }));
console.log(m.has(2), m.has('missing'), m.delete('a'), m.delete('a'), m.size);
m.set(-0, 'zero');
console.log(m.get(0), m.get(-0));
const counts = new Map();
for (const w of 'to be or not to be'.split(' ')) counts.set(w, (counts.get(w) || 0) + 1);
console.log([...counts.keys()], [...counts.values()]);
m.clear();
console.log(m.size, m.get(2));
const fromPairs = new Map([
  ['x', 1],
  ['y', 2],
]);
console.log(Object.fromEntries(fromPairs));
