// @title  fs.stat vs setImmediate
// @lesson A stat takes a few microseconds on a pool thread. If it is done when the first
// @lesson poll phase looks, its callback runs before the check phase; if not, the immediate
// @lesson goes first and the stat is collected in the next iteration.
// @nondeterministic the pool thread may or may not finish before the main thread reaches the first poll phase
// @runs   50
const fs = require('fs');

fs.stat(__filename, () => console.log('stat'));
setImmediate(() => console.log('immediate'));
