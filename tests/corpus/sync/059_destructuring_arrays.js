// Array destructuring: skipping, defaults, rest, swapping and strings.
const [a, b] = [1, 2, 3];
console.log(a, b);
const [, second, , fourth] = [10, 20, 30, 40];
console.log(second, fourth);
const [x = 'dx', y = 'dy'] = ['given'];
console.log(x, y);
const [head, ...tail] = [1, 2, 3, 4];
console.log(head, tail);
const [...all] = 'abc';
console.log(all);
let p = 1;
let q = 2;
[p, q] = [q, p];
console.log(p, q);
const [[n1, n2], [n3]] = [[1, 2], [3]];
console.log(n1, n2, n3);
const [c1, c2] = 'hi';
console.log(c1, c2);
const [m, n] = [];
console.log(m, n);
try {
  const [z] = undefined;
} catch (e) {
  console.log(e.name, e.message);
}
