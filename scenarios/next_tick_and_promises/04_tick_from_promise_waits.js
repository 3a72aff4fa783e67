// @title  A nextTick queued inside a promise callback waits for the microtask queue
// @lesson Once Node is draining microtasks it keeps going until that queue is empty; a tick queued
// @lesson from a promise callback runs only after every pending microtask, then ticks get their turn.
// @runs   50
Promise.resolve().then(() => {
  console.log('m1');
  process.nextTick(() => console.log('tick queued by m1'));
  Promise.resolve().then(() => console.log('microtask queued by m1'));
});
Promise.resolve().then(() => console.log('m2'));

process.nextTick(() => {
  console.log('t1');
  Promise.resolve().then(() => console.log('microtask queued by t1'));
  process.nextTick(() => console.log('tick queued by t1'));
});
