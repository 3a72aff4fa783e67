// @title  1 k async functions awaiting 1 k times each
// @lesson Every await suspends its function and resumes it from a promise job: a million
// @lesson resumptions of a thousand interleaved functions.
// @runs   1
// @callbacks 1001000
const FUNCTIONS = 1000;
const AWAITS = 1000;
let resumed = 0;
let finished = 0;
async function worker(id) {
  let sum = 0;
  for (let i = 0; i < AWAITS; i++) {
    await null;
    resumed++;
    sum += i;
  }
  return sum + id;
}
let total = 0;
for (let f = 0; f < FUNCTIONS; f++) {
  worker(f).then((v) => {
    total += v;
    finished++;
    if (finished === FUNCTIONS) console.log('resumed', resumed, 'finished', finished, 'total', total);
  });
}
