// @title  nextTick and promises run between two immediates
// @lesson After every immediate callback Node drains the nextTick queue and then the microtask queue,
// @lesson before starting the next immediate.
// @runs   50
setImmediate(() => {
  console.log('immediate 1');
  Promise.resolve().then(() => console.log('  promise from immediate 1'));
  process.nextTick(() => console.log('  tick from immediate 1'));
});
setImmediate(() => {
  console.log('immediate 2');
  process.nextTick(() => console.log('  tick from immediate 2'));
});
