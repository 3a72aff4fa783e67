// @title  setTimeout 0 vs an fs.stat callback
// @lesson The stat is back from the pool long before a millisecond has passed, but the loop
// @lesson runs the timers phase first: if the 1 ms timer is already due then, it wins;
// @lesson otherwise the poll phase delivers the stat first.
// @nondeterministic the first timers phase may come before or after the 1 ms timer is due
// @runs   50
const fs = require('fs');

fs.stat(__filename, () => console.log('stat'));
setTimeout(() => console.log('timeout 0'), 0);
