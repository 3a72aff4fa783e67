// padStart, padEnd and repeat for formatting tables.
console.log('5'.padStart(3, '0'), '42'.padStart(5), 'abc'.padStart(2));
console.log('x'.padEnd(4, '.') + '|', 'hello'.padEnd(3, '*'));
console.log('1'.padStart(6, 'ab'), '1'.padEnd(6, 'ab'));
console.log('ab'.repeat(3), 'x'.repeat(0) === '', '-'.repeat(10));
try {
  'a'.repeat(-1);
} catch (e) {
  console.log(e.name + ': ' + e.message);
}
const rows = [
  ['apple', 1.5],
  ['banana', 12],
  ['kiwi', 100.25],
];
for (const [name, price] of rows) {
  console.log(name.padEnd(8, '.') + price.toFixed(2).padStart(8));
}
console.log('='.repeat(16));
console.log(String(7).padStart(3, ''), 'end');
