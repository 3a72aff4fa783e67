// forEach returns undefined; reduce with and without an initial value.
const items = ['x', 'y', 'z'];
const r = items.forEach((v, i) => console.log(i, v));
console.log(r);
console.log([1, 2, 3, 4].reduce((acc, n) => acc + n));
console.log([1, 2, 3, 4].reduce((acc, n) => acc + n, 10));
console.log([[1, 2], [3], [4, 5]].reduce((acc, part) => acc.concat(part), []));
const words = ['apple', 'bob', 'avocado', 'banana', 'cherry'];
const grouped = words.reduce((acc, w) => {
  const k = w[0];
  (acc[k] = acc[k] || []).push(w);
  return acc;
}, {});
console.log(grouped);
console.log([5].reduce((a, b) => a * b));
try {
  [].reduce((a, b) => a + b);
} catch (e) {
  console.log(e.name + ': ' + e.message);
}
const steps = [];
[1, 2, 3].reduce((acc, v, i) => {
  steps.push(`${acc}+${v}@${i}`);
  return acc + v;
}, 0);
console.log(steps.join(' '));
