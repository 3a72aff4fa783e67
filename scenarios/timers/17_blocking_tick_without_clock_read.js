// @title  A tick that blocks without reading the loop's clock leaves the order alone
// @lesson The same as scenario 16 but for the setTimeout in the tick. The tick still blocks for
// @lesson 3 ms, and 'timeout 2' is overdue when it ends, but nothing has read the clock since
// @lesson Node re-armed its libuv timer (Date.now() is not the loop's clock): the loop time still
// @lesson says the libuv timer is not due, so the timers phase ends and the immediate runs first.
// @runs   50
setTimeout(() => {
  console.log('timeout 1');
  setImmediate(() => console.log('immediate'));
  setTimeout(() => console.log('timeout 2'), 1);
  process.nextTick(() => {
    const until = Date.now() + 3;
    while (Date.now() < until); // blocks the loop for 3 ms
  });
}, 0);
