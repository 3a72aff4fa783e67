// @title  process.nextTick and promises run before any timer
// @lesson When the script ends, Node drains the nextTick queue first, then the promise (microtask)
// @lesson queue, and only then enters the event loop, where the timers phase runs the timeout.
// @runs   50
console.log('start');

setTimeout(() => {
  console.log('setTimeout');
}, 0);

Promise.resolve().then(() => {
  console.log('Promise');
});

process.nextTick(() => {
  console.log('nextTick');
});

console.log('end');
