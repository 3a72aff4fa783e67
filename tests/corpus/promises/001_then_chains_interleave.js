// Two independent then-chains interleave one step per microtask.
const log = (s) => console.log(s);
Promise.resolve()
  .then(() => log('a1'))
  .then(() => log('a2'))
  .then(() => log('a3'))
  .then(() => log('a4'));
Promise.resolve()
  .then(() => log('b1'))
  .then(() => log('b2'))
  .then(() => log('b3'));
Promise.resolve()
  .then(() => log('c1'))
  .then(() => log('c2'));
log('sync end');
