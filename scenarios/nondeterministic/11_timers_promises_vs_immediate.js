// @title  timers/promises setTimeout vs setImmediate at the top level
// @lesson The promise form of setTimeout is the same 1 ms timer underneath: at the top level it
// @lesson races setImmediate exactly like the callback form, and the await adds only microtasks.
// @nondeterministic the first timers phase may come before or after the 1 ms timer is due
// @runs   50
const { setTimeout: sleep } = require('timers/promises');

(async () => {
  await sleep(0);
  console.log('timers/promises setTimeout');
})();
setImmediate(() => console.log('setImmediate'));
