// @title  readFile vs a 1 ms timer
// @lesson A small read needs four quick pool round trips; a 1 ms timer is due after one millisecond.
// @lesson Which comes first depends on how fast the pool answers compared with the clock.
// @nondeterministic four thread-pool round trips may take less or more than one millisecond
// @runs   50
const fs = require('fs');

fs.readFile(__filename, () => console.log('readFile'));
setTimeout(() => console.log('timeout 1 ms'), 1);
