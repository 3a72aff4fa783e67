// @title  setTimeout vs setImmediate inside an I/O callback
// @lesson Inside an I/O callback the check phase comes before the next timers phase, so the immediate
// @lesson always wins.
// @runs   50
const fs = require('fs');

fs.readFile(__filename, () => {
  setTimeout(() => console.log('timeout'), 0);
  setImmediate(() => console.log('immediate'));
});
