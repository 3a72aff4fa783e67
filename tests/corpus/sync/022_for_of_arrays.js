// for...of walks array values (and string characters); index via entries is not needed.
const fruits = ['apple', 'banana', 'cherry'];
for (const f of fruits) {
  console.log(f);
}
let total = 0;
for (const n of [1, 2, 3, 4]) {
  total += n;
}
console.log('total', total);
for (const ch of 'héllo') {
  console.log(ch, ch.length);
}
for (const [a, b] of [
  [1, 'one'],
  [2, 'two'],
]) {
  console.log(a, b);
}
for (const { name, age = 0 } of [{ name: 'x', age: 3 }, { name: 'y' }]) {
  console.log(name, age);
}
const grow = [1];
for (const v of grow) {
  if (v < 4) grow.push(v + 1);
  console.log('saw', v);
}
for (const x of []) {
  console.log('never');
}
