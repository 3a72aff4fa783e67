// @env UV_THREADPOOL_SIZE=1
// measure loop iterations using a prepare-like probe: count check phases via immediates only when needed
const fs = require('fs');
const { performance } = require('perf_hooks');
fs.readFile(__filename, () => console.log('readFile done'));
fs.stat(__filename, () => console.log('stat done'));
fs.promises.readFile(__filename).then(() => console.log('promises.readFile done'));
