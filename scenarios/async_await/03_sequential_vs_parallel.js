// @title  Sequential awaits vs Promise.all
// @lesson Awaiting timers one after another adds their delays; starting them all and awaiting
// @lesson Promise.all overlaps them, so the parallel batch finishes first.
// @runs   50
const { setTimeout: sleep } = require('timers/promises');

async function sequential() {
  await sleep(30);
  await sleep(30);
  await sleep(30);
  console.log('sequential done (about 90 ms)');
}

async function parallel() {
  await Promise.all([sleep(30), sleep(30), sleep(30)]);
  console.log('parallel done (about 30 ms)');
}

sequential();
parallel();
