// @title  stat finishes before readFile on a one-thread pool
// @lesson fs.stat is one pool request, while readFile is four in a row (open, fstat, read, close), so
// @lesson even though readFile was called first, stat finishes first.
// @env    UV_THREADPOOL_SIZE=1
// @runs   50
const fs = require('fs');

fs.readFile(__filename, () => console.log('readFile done'));
fs.stat(__filename, (err, stats) => console.log(`stat done, is a file: ${stats.isFile()}`));
