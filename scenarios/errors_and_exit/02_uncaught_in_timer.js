// @title  A throw inside a timer callback stops everything after it
// @lesson The exception escapes the timers phase and kills the process; the second timer in the same
// @lesson list and the pending immediate never run.
// @runs   50
function block(ms) {
  const end = Date.now() + ms;
  while (Date.now() < end) {}
}

setTimeout(() => {
  console.log('timer 1 throws');
  throw new Error('thrown from a timer');
}, 0);
setTimeout(() => console.log('timer 2 (never printed)'), 0);
setImmediate(() => console.log('immediate (never printed)'));

// Both timers are due when the loop starts, so the timers phase comes before the check phase.
block(5);
