// @title  Inside a microtask, promises come before nextTick
// @lesson While the microtask queue is being drained, newly queued microtasks join it and run before
// @lesson control returns to the nextTick queue; in a timer callback the usual order is back.
// @runs   50
Promise.resolve().then(() => {
  process.nextTick(() => console.log('in microtask: nextTick'));
  Promise.resolve().then(() => console.log('in microtask: promise'));
});

setTimeout(() => {
  process.nextTick(() => console.log('in timer: nextTick'));
  Promise.resolve().then(() => console.log('in timer: promise'));
}, 0);
