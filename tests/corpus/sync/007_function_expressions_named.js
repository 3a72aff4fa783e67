// Named function expressions see their own name; the name does not leak outside.
const fact = function self(n) {
  return n <= 1 ? 1 : n * self(n - 1);
};
console.log(fact(5));
console.log(typeof self);
console.log(fact.name);
const anon = function () {};
console.log(anon.name);
const arrow = () => 1;
console.log(arrow.name);
const holder = {
  method() {
    return 'm';
  },
  prop: function () {
    return 'p';
  },
};
console.log(holder.method.name, holder.prop.name);
function makeAdder(x) {
  return function (y) {
    return x + y;
  };
}
const add5 = makeAdder(5);
console.log(add5(10), add5(-5));
console.log((function () {
  return 'immediately invoked';
})());
console.log(((a, b) => a * b)(6, 7));
