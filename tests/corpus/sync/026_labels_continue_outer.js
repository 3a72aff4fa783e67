// Labelled loops: continue outer / break outer jump across nested loops.
const pairs = [];
outer: for (let i = 0; i < 4; i++) {
  for (let j = 0; j < 4; j++) {
    if (j > i) continue outer;
    if (i === 3) break outer;
    pairs.push(`${i}${j}`);
  }
}
console.log(pairs.join(' '));
const matrix = [
  [1, 2, 3],
  [4, -5, 6],
  [7, 8, 9],
];
let found = null;
search: for (let r = 0; r < matrix.length; r++) {
  for (let c = 0; c < matrix[r].length; c++) {
    if (matrix[r][c] < 0) {
      found = [r, c];
      break search;
    }
  }
}
console.log('negative at', found);
let count = 0;
rows: while (count < 100) {
  count++;
  for (const x of [1, 2, 3]) {
    if (x === 2) continue rows;
    if (count > 3) break rows;
  }
}
console.log('count', count);
