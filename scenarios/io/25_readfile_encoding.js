// @title  Buffer or string: the encoding argument
// @lesson Without an encoding readFile hands back a Buffer of bytes; with 'utf8' it hands back a
// @lesson string. The two reads of the same file finish in call order on a one-thread pool.
// @env    UV_THREADPOOL_SIZE=1
// @file   word.txt "event loop"
// @runs   50
const fs = require('fs');
const path = __dirname + '/word.txt';

fs.readFile(path, (err, data) => {
  console.log(`no encoding: Buffer? ${Buffer.isBuffer(data)}, ${data.length} bytes`);
});
fs.readFile(path, 'utf8', (err, text) => {
  console.log(`utf8: ${typeof text} '${text}'`);
});
