// Math.floor, ceil, round and trunc, especially on negative numbers and halves.
const values = [2.5, 3.5, -2.5, -3.5, 2.4, -2.6, 0.5, -0.5, 7, -7];
console.log('value floor ceil round trunc');
for (const v of values) {
  console.log(v, Math.floor(v), Math.ceil(v), Math.round(v), Math.trunc(v));
}
console.log(Math.round(1.005 * 100) / 100);
console.log(Math.round(1.255 * 100) / 100);
console.log(Math.floor(-0.5), Math.ceil(-0.5));
console.log(Math.round('2.5'), Math.floor(null), Math.ceil(undefined));
const roundTo = (x, step) => Math.round(x / step) * step;
console.log(roundTo(17, 5), roundTo(12.5, 5), roundTo(0.37, 0.1));
