// @title  1 M chained promise jobs
// @lesson Each promise job queues the next one on an already resolved promise, so the
// @lesson microtask queue is drained a million times before the loop starts.
// @runs   1
// @callbacks 1000000
const N = 1000000;
let n = 0;
const done = Promise.resolve();
function step() {
  n++;
  if (n < N) done.then(step);
  else console.log('promise jobs', n);
}
done.then(step);
