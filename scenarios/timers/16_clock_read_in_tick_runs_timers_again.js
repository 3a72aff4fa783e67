// @title  Reading the clock in a tick can run the timers phase again
// @lesson After the last due timer of a timers phase, Node re-arms its one libuv timer for the
// @lesson next due time, and only then runs the ticks that timer left. This tick blocks for 3 ms
// @lesson and then calls setTimeout, which reads the clock: the re-armed libuv timer is due now,
// @lesson libuv looks at its timers again, and 'timeout 2' runs before the immediate that was
// @lesson queued ahead of it. Scenario 17 is the same without the setTimeout in the tick.
// @runs   50
setTimeout(() => {
  console.log('timeout 1');
  setImmediate(() => console.log('immediate'));
  setTimeout(() => console.log('timeout 2'), 1);
  process.nextTick(() => {
    const until = Date.now() + 3;
    while (Date.now() < until); // blocks the loop for 3 ms
    setTimeout(() => console.log('timeout 3'), 5); // reads the loop's clock
  });
}, 0);
