// Matrix helpers on nested arrays: transpose, multiply, print.
const A = [
  [1, 2, 3],
  [4, 5, 6],
];
const B = [
  [7, 8],
  [9, 10],
  [11, 12],
];
const transpose = (m) => m[0].map((_, c) => m.map((row) => row[c]));
const multiply = (x, y) =>
  x.map((row) => transpose(y).map((col) => row.reduce((s, v, i) => s + v * col[i], 0)));
console.log(transpose(A));
console.log(multiply(A, B));
const identity = (n) => Array.from({ length: n }, (_, i) => Array.from({ length: n }, (_, j) => (i === j ? 1 : 0)));
console.log(identity(3));
console.log(multiply(identity(2), [[5, 6], [7, 8]]));
for (const row of multiply(B, A)) {
  console.log(row.map((v) => String(v).padStart(4)).join(''));
}
console.log(identity(4));
