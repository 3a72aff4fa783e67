// Number.isInteger, and integer checks that go through coercion.
const values = [5, 5.0, 5.5, -0, NaN, Infinity, '5', 2 ** 53, 1e21, 0.1 + 0.2, null];
console.log(values.map((v) => Number.isInteger(v)));
console.log(Number.isSafeInteger(2 ** 53), Number.isSafeInteger(2 ** 53 - 1));
const isEven = (n) => Number.isInteger(n) && n % 2 === 0;
console.log([0, 1, 2, 2.5, -4, '4'].filter(isEven));
console.log(Number.isInteger(Math.floor(7.9)), Number.isInteger(7.9 | 0), 7.9 | 0);
console.log(Number.parseInt === parseInt, Number.parseFloat === parseFloat);
console.log(Number('5') === 5, Number.isInteger(Number('5')));
for (const n of [1, 1.5, 2]) {
  console.log(n, Number.isInteger(n) ? 'integer' : 'fraction');
}
