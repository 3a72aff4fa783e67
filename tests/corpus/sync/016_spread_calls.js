// Spread in calls expands any iterable into arguments.
function three(a, b, c) {
  return `${a}-${b}-${c}`;
}
const args = [1, 2, 3];
console.log(three(...args));
console.log(three(...[9], ...[8, 7]));
console.log(three(0, ...[1]));
console.log(three(...'xyz'));
console.log(Math.max(...[4, 19, 2]));
console.log(Math.min(...[], 5));
console.log(Math.max(...[]));
const parts = [
  [1, 2],
  [3, 4],
];
const flat = [];
for (const p of parts) flat.push(...p);
console.log(flat);
function collect(...items) {
  return items;
}
console.log(collect(...'hi', ...[true, null]));
console.log(Math.hypot(...[3, 4]));
