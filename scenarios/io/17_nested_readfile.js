// @title  A read started inside a read callback
// @lesson New I/O started from an I/O callback is only submitted to the pool then, so its callback
// @lesson comes in a later iteration, after the immediate scheduled next to it.
// @runs   50
const fs = require('fs');

fs.readFile(__filename, () => {
  console.log('first read done');
  fs.readFile(__filename, () => console.log('second read done'));
  setImmediate(() => console.log('immediate from the first read'));
});
