// @title  fs.stat on a missing path
// @lesson Every fs callback follows the same rule: the error (or null) first. stat of a missing path
// @lesson reports ENOENT with syscall 'stat'.
// @runs   20
const fs = require('fs');

fs.stat('scenarios/io/nothing-here', (err, stats) => {
  console.log(`stats: ${stats}`);
  console.log(`${err.code} from ${err.syscall}: ${err.message}`);
});
fs.stat(__filename, (err, stats) => console.log(`own file exists: ${err === null && stats.isFile()}`));
