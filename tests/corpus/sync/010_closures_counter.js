// Each call to the factory creates independent captured state.
function makeCounter(start) {
  let value = start;
  return {
    inc() {
      value++;
      return value;
    },
    dec() {
      value--;
      return value;
    },
    get() {
      return value;
    },
  };
}
const a = makeCounter(0);
const b = makeCounter(100);
a.inc();
a.inc();
b.dec();
console.log(a.get(), b.get());
console.log(a.inc(), b.inc());
function once(fn) {
  let done = false;
  let result;
  return function (...args) {
    if (!done) {
      done = true;
      result = fn(...args);
    }
    return result;
  };
}
const init = once((x) => {
  console.log('init runs with', x);
  return x * 2;
});
console.log(init(21), init(99));
