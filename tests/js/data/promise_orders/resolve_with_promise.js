// Resolving a promise with a native promise costs two extra jobs: the
// PromiseResolveThenableJob, then the reaction that the inner `then` registers.
const inner = Promise.resolve('x');
const outer = new Promise((resolve) => resolve(inner));
outer.then((v) => console.log('outer:' + v));
Promise.resolve()
  .then(() => console.log('t1'))
  .then(() => console.log('t2'))
  .then(() => console.log('t3'))
  .then(() => console.log('t4'));
