// @title  readFile vs setImmediate vs nextTick
// @lesson A file read goes through the thread pool and needs several loop iterations (open, stat,
// @lesson read, close); the immediate runs in the first check phase, long before the file arrives.
// @runs   50
const fs = require('fs');

fs.readFile(__filename, () => console.log('readFile callback (poll phase)'));
setImmediate(() => console.log('setImmediate (check phase)'));
process.nextTick(() => console.log('nextTick'));
console.log('sync');
