// @title  nextTick and promises inside an I/O callback
// @lesson After an I/O callback returns, Node drains the nextTick queue and then the microtasks
// @lesson before the loop moves on to the check phase.
// @runs   50
const fs = require('fs');

fs.stat(__filename, () => {
  console.log('stat callback');
  setImmediate(() => console.log('immediate'));
  Promise.resolve().then(() => console.log('promise'));
  process.nextTick(() => console.log('nextTick'));
});
