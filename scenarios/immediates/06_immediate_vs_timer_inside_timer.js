// @title  Inside a timer callback, setImmediate beats setTimeout 0
// @lesson A timer created in the timers phase cannot fire in the same phase; the loop goes on to
// @lesson poll and check, so the immediate runs first and the new timer waits for the next iteration.
// @runs   50
setTimeout(() => {
  setTimeout(() => console.log('setTimeout'), 0);
  setImmediate(() => console.log('setImmediate'));
}, 0);
