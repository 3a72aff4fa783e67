// @title  crypto.randomBytes with a callback
// @lesson The asynchronous form runs on the thread pool and calls back in the poll phase, after all
// @lesson synchronous code and the nextTick queue; print the length, never the random bytes.
// @runs   50
const crypto = require('crypto');

crypto.randomBytes(16, (err, buf) => {
  if (err) throw err;
  console.log(`got ${buf.length} random bytes`);
});
process.nextTick(() => console.log('nextTick'));
console.log('sync');
