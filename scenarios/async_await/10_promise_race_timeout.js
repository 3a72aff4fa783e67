// @title  Promise.race as a timeout
// @lesson Promise.race settles with whichever promise settles first; the slower timer still fires
// @lesson later because racing does not cancel it.
// @runs   50
const { setTimeout: sleep } = require('timers/promises');

async function fetchSlowly() {
  await sleep(200);
  console.log('slow work finished anyway');
  return 'data';
}

function timeout(ms) {
  return new Promise((resolve, reject) => setTimeout(() => reject(new Error(`timed out after ${ms} ms`)), ms));
}

Promise.race([fetchSlowly(), timeout(20)])
  .then((v) => console.log(`got ${v}`))
  .catch((err) => console.log(`race lost: ${err.message}`));
