// @title  fs.promises.readFile vs fs.readFile on a one-thread pool
// @lesson Both make the same four pool requests (open, fstat, read, close), served in FIFO order by
// @lesson the single thread, so the read started first finishes first; the promise version's extra
// @lesson steps are microtasks and cost no loop iteration.
// @env    UV_THREADPOOL_SIZE=1
// @runs   50
const fs = require('fs');

fs.promises.readFile(__filename).then(() => console.log('fs.promises.readFile (started first)'));
fs.readFile(__filename, () => console.log('fs.readFile (started second)'));
