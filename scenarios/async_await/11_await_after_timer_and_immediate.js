// @title  Where an async function resumes depends on what it awaits
// @lesson After awaiting a timer promise the function continues right after that timer callback, in
// @lesson the timers phase; after awaiting an immediate promise it continues in the check phase.
// @runs   50
const tp = require('timers/promises');

async function main() {
  setImmediate(() => console.log('plain immediate A'));
  await tp.setImmediate();
  console.log('resumed after the immediate');
  setTimeout(() => console.log('plain timeout (same 1 ms list, created first)'), 0);
  await tp.setTimeout(0);
  console.log('resumed after the timer');
}

main();
