// Objects and arrays are shared by reference; primitives are copied.
const a = { n: 1 };
const b = a;
b.n = 2;
console.log(a.n, a === b);
function mutate(obj) {
  obj.n = 100;
  obj = { n: -1 };
  return obj;
}
const r = mutate(a);
console.log(a.n, r.n);
let x = 1;
let y = x;
y++;
console.log(x, y);
const list = [1, 2];
const alias = list;
const copy = list.slice();
alias.push(3);
console.log(list, copy, list === alias, list === copy);
const grid = Array(2).fill(null).map(() => Array(2).fill(0));
grid[0][0] = 1;
console.log(grid);
const bad = Array(2).fill(Array(2).fill(0));
bad[0][0] = 1;
console.log(bad);
console.log({} === {}, [] === [], 'a' === 'a');
