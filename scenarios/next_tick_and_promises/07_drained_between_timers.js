// @title  Ticks and microtasks run between two timer callbacks
// @lesson Node drains the nextTick and microtask queues after every single timer callback, not once
// @lesson per timers phase, so each timer's follow-up work runs before the next timer.
// @runs   50
setTimeout(() => {
  console.log('timer 1');
  process.nextTick(() => console.log('  tick from timer 1'));
  Promise.resolve().then(() => console.log('  promise from timer 1'));
}, 0);

setTimeout(() => {
  console.log('timer 2');
  process.nextTick(() => console.log('  tick from timer 2'));
  Promise.resolve().then(() => console.log('  promise from timer 2'));
}, 0);
