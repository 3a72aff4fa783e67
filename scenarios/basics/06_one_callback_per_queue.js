// @title  One callback in each queue
// @lesson Synchronous code, then nextTick, then promises, then the loop: the script took longer than
// @lesson 1 ms, so the timer is already due at the first timers phase, which comes before poll and
// @lesson check (setImmediate).
// @runs   50
function block(ms) {
  const end = Date.now() + ms;
  while (Date.now() < end) {}
}

setImmediate(() => console.log('5. setImmediate (check phase)'));
setTimeout(() => console.log('4. setTimeout (timers phase)'), 0);
Promise.resolve().then(() => console.log('3. promise (microtask queue)'));
process.nextTick(() => console.log('2. nextTick (nextTick queue)'));

block(5);
console.log('1. synchronous code');
