// Fibonacci: naive recursion, memoised with a closure, and iterative.
function fib(n) {
  return n < 2 ? n : fib(n - 1) + fib(n - 2);
}
console.log([0, 1, 2, 3, 10, 20].map(fib));
function memoize(fn) {
  const cache = {};
  let hits = 0;
  const wrapped = (n) => {
    if (n in cache) {
      hits++;
      return cache[n];
    }
    return (cache[n] = fn(n));
  };
  wrapped.hits = () => hits;
  return wrapped;
}
const fastFib = memoize((n) => (n < 2 ? n : fastFib(n - 1) + fastFib(n - 2)));
console.log(fastFib(50), fastFib(78));
console.log('cache hits', fastFib.hits());
let a = 0;
let b = 1;
for (let i = 0; i < 90; i++) [a, b] = [b, a + b];
console.log(a);
console.log(fastFib(80) === fastFib(79) + fastFib(78));
