// @title  Two completions in one poll phase drain in between
// @lesson While the main thread is blocked both stats finish; the poll phase then runs both callbacks
// @lesson back to back, draining ticks and promises after each, and the immediate waits for check.
// @env    UV_THREADPOOL_SIZE=1
// @runs   50
const fs = require('fs');

function block(ms) {
  const end = Date.now() + ms;
  while (Date.now() < end) {}
}

fs.stat(__filename, () => {
  console.log('stat 1');
  process.nextTick(() => console.log('  tick from stat 1'));
  Promise.resolve().then(() => console.log('  promise from stat 1'));
  setImmediate(() => console.log('immediate from stat 1'));
});
fs.stat(__filename, () => console.log('stat 2'));

block(50); // both stats complete while the loop is blocked
