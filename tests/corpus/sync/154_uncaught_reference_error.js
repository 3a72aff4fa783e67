// An undeclared variable used at top level.
const numbers = [1, 2, 3];
const total = numbers.reduce((a, b) => a + b, 0);
console.log('total', total);
const count = numbers.length;
console.log('count', count);
function average() {
  return total / cnt;
}
console.log('computing the average...');
console.log('average', average());
