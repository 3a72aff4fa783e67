// An unhandled rejection with a non-Error reason: node wraps it in an error report.
console.log('start');
Promise.resolve().then(() => console.log('microtask runs first'));
const handled = Promise.reject('this one is handled');
handled.catch((r) => console.log('caught: ' + r));
process.nextTick(() => console.log('nextTick runs before microtasks'));
Promise.reject('just a string');
Promise.resolve()
  .then(() => console.log('second microtask'))
  .then(() => console.log('third microtask'));
console.log('sync end');
