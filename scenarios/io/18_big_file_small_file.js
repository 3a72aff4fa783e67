// @title  A small file started second finishes first
// @lesson readFile reads in 512 KiB chunks, so a 2 MiB file needs four reads while a small one needs
// @lesson one; even on a one-thread FIFO pool the small read overtakes the big one.
// @env    UV_THREADPOOL_SIZE=1
// @file   big.txt 2MiB
// @file   small.txt 100B
// @runs   50
const fs = require('fs');

fs.readFile(__dirname + '/big.txt', (err, data) => console.log(`big.txt: ${data.length} bytes`));
fs.readFile(__dirname + '/small.txt', (err, data) => console.log(`small.txt: ${data.length} bytes`));
