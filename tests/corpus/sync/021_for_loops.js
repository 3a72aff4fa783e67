// Classic for loops: counting, multiple variables, empty parts.
for (let i = 0; i < 3; i++) {
  console.log('i =', i);
}
for (let i = 10, j = 0; i > j; i -= 3, j += 1) {
  console.log(i, j);
}
let n = 0;
for (; n < 2; ) {
  n++;
}
console.log('n', n);
let steps = 0;
for (;;) {
  steps++;
  if (steps === 4) break;
}
console.log('steps', steps);
const grid = [];
for (let r = 0; r < 3; r++) {
  let row = '';
  for (let c = 0; c < 4; c++) {
    row += (r + c) % 2 === 0 ? '#' : '.';
  }
  grid.push(row);
}
console.log(grid.join('\n'));
for (let i = 5; i > 0; i -= 2) console.log('down', i);
