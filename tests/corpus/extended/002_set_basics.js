// Set stores unique values in insertion order.
const s = new Set([3, 1, 3, 2, 1]);
console.log(s.size, [...s]);
s.add(4).add(1);
console.log(s.has(4), s.has(5), s.size);
console.log(s.delete(3), s.delete(3), [...s]);
const unique = [...new Set('mississippi')].join('');
console.log(unique);
const a = new Set([1, 2, 3, 4]);
const b = new Set([3, 4, 5]);
console.log([...a].filter((x) => b.has(x)));
console.log([...new Set([...a, ...b])]);
console.log([...a].filter((x) => !b.has(x)));
const withNaN = new Set([NaN, NaN, 0, -0]);
console.log(withNaN.size);
const objs = new Set([{}, {}]);
console.log(objs.size);
