// @title  Results in completion order vs request order
// @lesson Promise.all keeps the order of its input even when the timers behind it finish in a
// @lesson different order; logging inside each task shows the real completion order.
// @runs   50
const { setTimeout: sleep } = require('timers/promises');

async function task(name, ms) {
  await sleep(ms);
  console.log(`finished ${name} after ${ms} ms`);
  return name;
}

Promise.all([task('slow', 300), task('fast', 100), task('medium', 200)]).then((names) => {
  console.log(`Promise.all order: ${names.join(', ')}`);
});
