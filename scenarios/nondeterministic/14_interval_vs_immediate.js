// @title  setInterval 0 vs setImmediate at the top level
// @lesson An interval is a repeating timer: its first run races setImmediate exactly like
// @lesson setTimeout 0 does, because it is due 1 ms after it was created.
// @nondeterministic the first timers phase may come before or after the 1 ms interval is due
// @runs   50
let runs = 0;
const interval = setInterval(() => {
  runs++;
  console.log('interval run', runs);
  if (runs === 2) clearInterval(interval);
}, 0);
setImmediate(() => console.log('setImmediate'));
