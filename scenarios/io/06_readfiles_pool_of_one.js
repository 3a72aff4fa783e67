// @title  Several readFiles on a one-thread pool finish in call order
// @lesson With one worker thread every pool request waits its turn in one FIFO queue; the three reads
// @lesson advance step by step in lockstep, so they complete in the order they were started.
// @env    UV_THREADPOOL_SIZE=1
// @file   a.txt 1KiB
// @file   b.txt 1KiB
// @file   c.txt 1KiB
// @runs   50
const fs = require('fs');

for (const name of ['a.txt', 'b.txt', 'c.txt']) {
  fs.readFile(__dirname + '/' + name, (err, data) => {
    if (err) throw err;
    console.log(`${name}: ${data.length} bytes`);
  });
}
