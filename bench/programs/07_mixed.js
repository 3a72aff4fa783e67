// @title  100 k iterations of a tick, a promise job, an immediate and a timeout
// @lesson Each iteration of the main script feeds four queues at once: the ticks drain
// @lesson first, then the promise jobs, then the timers phase and the check phase.
// @runs   1
// @callbacks 400000
const N = 100000;
const counts = { tick: 0, promise: 0, immediate: 0, timeout: 0 };
const done = Promise.resolve();
let last = '';
function report() {
  const total = counts.tick + counts.promise + counts.immediate + counts.timeout;
  if (total === 4 * N) {
    console.log('ticks', counts.tick, 'promises', counts.promise);
    console.log('immediates', counts.immediate, 'timeouts', counts.timeout);
  }
}
function onTick() {
  counts.tick++;
  report();
}
function onPromise() {
  counts.promise++;
  report();
}
function onImmediate() {
  counts.immediate++;
  report();
}
function onTimeout() {
  counts.timeout++;
  report();
}
for (let i = 0; i < N; i++) {
  process.nextTick(onTick);
  done.then(onPromise);
  setImmediate(onImmediate);
  setTimeout(onTimeout, 0);
}
