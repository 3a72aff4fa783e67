// @title  A top-level await that never settles: exit code 13
// @lesson A promise nobody resolves keeps nothing alive: the loop runs dry, 'beforeExit' and
// @lesson 'exit' are emitted, and Node reports the unfinished module with exit code 13, which
// @lesson it sets in process.exitCode before the 'exit' listeners run.
// @runs   50
process.on('beforeExit', (code) => console.log('beforeExit', code, process.exitCode));
process.on('exit', (code) => console.log('exit', code, process.exitCode));
setTimeout(() => console.log('the last timer'), 5);
await new Promise(() => {});
console.log('never printed');
