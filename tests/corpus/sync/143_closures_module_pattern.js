// An immediately invoked function hides state and exposes an API.
const idGen = (function () {
  let next = 1;
  const issued = [];
  function issue(prefix) {
    const id = `${prefix}-${next++}`;
    issued.push(id);
    return id;
  }
  return {
    issue,
    count: () => issued.length,
    reset() {
      next = 1;
      issued.length = 0;
    },
  };
})();
console.log(idGen.issue('a'), idGen.issue('b'), idGen.issue('a'));
console.log(idGen.count());
idGen.reset();
console.log(idGen.issue('z'), idGen.count());
console.log(typeof next, typeof issued);
const adders = [1, 2, 3].map((n) => (x) => x + n);
console.log(adders.map((f) => f(10)));
const curry = (a) => (b) => (c) => `${a}${b}${c}`;
const partial = curry('x');
console.log(partial('y')('z'), partial(1)(2));
