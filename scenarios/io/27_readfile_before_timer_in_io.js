// @title  A 200 ms timer against a quick read
// @lesson A read of a small file takes a few pool round trips, far less than 200 ms, so the read
// @lesson callback comes first and the timer fires later in the timers phase.
// @runs   50
const fs = require('fs');

setTimeout(() => console.log('200 ms timer'), 200);
fs.readFile(__filename, () => console.log('readFile'));
