// @title  fs.stat on a missing path
// @lesson Every fs callback follows the same rule: the error (or null) first. stat of a missing path
// @lesson reports ENOENT with syscall 'stat'.
// @lesson The two stats run on two pool threads at once: which callback comes first is the
// @lesson order the threads finish in. Nearly always the stat started first, but not always.
// @nondeterministic two stats on two threads; node finished the second first in 2 of 1000 recorded runs (a busy machine)
// @runs   1000
const fs = require('fs');

fs.stat('scenarios/io/nothing-here', (err, stats) => {
  console.log(`stats: ${stats}`);
  console.log(`${err.code} from ${err.syscall}: ${err.message}`);
});
fs.stat(__filename, (err, stats) => console.log(`own file exists: ${err === null && stats.isFile()}`));
