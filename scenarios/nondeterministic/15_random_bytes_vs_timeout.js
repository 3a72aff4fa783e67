// @title  randomBytes vs setTimeout 0
// @lesson The timers phase comes first in an iteration, the poll phase later. A finished
// @lesson randomBytes job waits for the poll phase; the 1 ms timer runs first only if it is
// @lesson already due when the loop first looks at the timers.
// @nondeterministic the first timers phase may come before or after the 1 ms timer is due
// @runs   50
const crypto = require('crypto');

crypto.randomBytes(16, () => console.log('randomBytes'));
setTimeout(() => console.log('timeout 0'), 0);
