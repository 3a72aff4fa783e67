// @title  the first thread-pool request settles setTimeout(0) against setImmediate
// @lesson At the top of a script, setTimeout(fn, 0) against setImmediate(fn) is a race: it depends
// @lesson on whether a millisecond has passed when the loop first looks at its timers. The first
// @lesson request to the thread pool (any fs, crypto or dns call with a callback) starts the pool's
// @lesson threads, and the main thread waits for them: about a millisecond with the default four.
// @lesson That wait comes after the timer was set, so by the time the loop starts the timer is due,
// @lesson and the timeout always runs first.
// @runs   50
const fs = require('fs');

setTimeout(() => console.log('timeout'), 0);
setImmediate(() => console.log('immediate'));
fs.stat(__filename, () => console.log('stat'));
