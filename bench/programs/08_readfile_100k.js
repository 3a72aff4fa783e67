// @title  100 k fs.readFile calls on a four-thread pool
// @lesson Every read is four thread-pool requests in a row (open, fstat, read, close), so the
// @lesson 400 k requests share one FIFO queue served by four workers. At most 500 reads are in
// @lesson flight at once (more would run out of file descriptors, EMFILE, as in node).
// @env    UV_THREADPOOL_SIZE=4
// @runs   1
// @callbacks 100000
const fs = require('fs');
const N = 100000;
let started = 0;
let done = 0;
let bytes = 0;
function next() {
  if (started === N) return;
  started++;
  fs.readFile(__filename, (err, data) => {
    if (err) throw err;
    bytes += data.length;
    if (++done === N) console.log(`read ${done} times, ${bytes} bytes`);
    next();
  });
}
for (let i = 0; i < 500; i++) next();
