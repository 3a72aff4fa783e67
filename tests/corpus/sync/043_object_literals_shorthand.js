// Shorthand properties and methods in object literals.
const name = 'loop';
const version = 3;
const info = { name, version, stable: true };
console.log(info);
const calc = {
  total: 0,
  add(n) {
    this.total += n;
    return this;
  },
  double() {
    this.total *= 2;
    return this;
  },
};
console.log(calc.add(5).double().add(1).total);
function make(x, y) {
  return { x, y, sum: x + y };
}
console.log(make(1, 2));
const empty = {};
console.log(empty, Object.keys(empty).length);
const dup = { a: 1, b: 2, a: 3 };
console.log(dup);
const withFn = { run: () => 'ran', value: null, nothing: undefined };
console.log(withFn.run(), withFn);
